"use client";

import type { ComponentProps } from "react";

import { HydrateOnFirstTouch, lazyComponent } from "@/components/forms/hydrate-on-first-touch";

import type { CampaignForm } from "./campaign-form";

// The form's code (react-hook-form, its fields) is a chunk of its own, loaded at the first touch.
const LazyCampaignForm = lazyComponent(() => import("./campaign-form").then((module) => module.CampaignForm));

/** The campaign form, rendered in full by the server and made live at the customer's first touch. */
export function DeferredCampaignForm(props: ComponentProps<typeof CampaignForm>) {
  return (
    <HydrateOnFirstTouch>
      <LazyCampaignForm {...props} />
    </HydrateOnFirstTouch>
  );
}
