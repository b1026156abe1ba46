import "server-only";

import type { Application } from "@/lib/onboarding/schema/application";
import {
  businessInformationAttributes,
  messagingProfileAttributes,
  representativeAttributes,
  soleProprietorAttributes,
  starterProfileAttributes,
  type ProvisioningStep,
} from "@/lib/trusthub/payloads";

import type { ApprovedCampaign } from "../campaigns/approved-campaign";
import type { BundleKind } from "../twilio/trust-hub";
import type { GraphNode } from "./graph";
import type { StepContext } from "./step-context";
import { brandStep } from "./steps/brand";
import { campaignStep } from "./steps/campaign";
import { eventStreamStep } from "./steps/event-stream";
import { messagingServiceStep } from "./steps/messaging-service";
import { SHAKEN_STIR_STEP, shakenStirStep } from "./steps/shaken-stir";
import { assignStep, bundleStep, evaluateStep, submitStep } from "./steps/trust-hub-bundles";
import { addressDocumentStep, addressStep, endUserStep } from "./steps/trust-hub-items";

type BundleItem = { step: ProvisioningStep; type: string; attributes: () => object };

/**
 * The EndUsers each bundle holds, by application kind: a Standard brand's Secondary Customer
 * Profile and A2P messaging profile (seed 000 sections 1–2), or a Sole Proprietor's Starter
 * Customer Profile and Sole Proprietor trust product (Twilio's Sole Proprietor ISV walkthrough).
 */
function bundleItems(app: Application): { profile: BundleItem[]; trustProduct: BundleItem[] } {
  if (app.kind === "sole-proprietor") {
    return {
      profile: [
        {
          step: "starter-information",
          type: "starter_customer_profile_information",
          attributes: () => starterProfileAttributes(app),
        },
      ],
      trustProduct: [
        {
          step: "sole-proprietor-information",
          type: "sole_proprietor_information",
          attributes: () => soleProprietorAttributes(app),
        },
      ],
    };
  }
  const secondRep = app.representatives.secondary;
  return {
    profile: [
      {
        step: "business-information",
        type: "customer_profile_business_information",
        attributes: () => businessInformationAttributes(app),
      },
      {
        step: "representative-1",
        type: "authorized_representative_1",
        attributes: () => representativeAttributes(app.representatives.primary),
      },
      ...(secondRep
        ? [
            {
              step: "representative-2" as const,
              type: "authorized_representative_2",
              attributes: () => representativeAttributes(secondRep),
            },
          ]
        : []),
    ],
    trustProduct: [
      {
        step: "messaging-profile",
        type: "us_a2p_messaging_profile_information",
        attributes: () => messagingProfileAttributes(app),
      },
    ],
  };
}

/**
 * The seeds' calls as a dependency graph (seed 000 sections 1–4, seed 001): what can run at the
 * same time does. Each step lives with its Twilio resource family under steps/.
 */
export function provisioningGraph(ctx: StepContext): GraphNode[] {
  const node = (id: string, deps: string[], run: () => Promise<unknown>): GraphNode => ({
    id,
    deps,
    run: async () => void (await run()),
  });
  const items = bundleItems(ctx.application);
  const itemNodes = (bundle: BundleKind, list: BundleItem[]) =>
    list.flatMap((item) => [
      node(item.step, [], endUserStep(ctx, item.step, bundle, item.type, item.attributes)),
      node(`assign:${bundle}:${item.step}`, [bundle, item.step], assignStep(ctx, bundle, item.step)),
    ]);
  const profileAssignments = [
    ...items.profile.map((item) => `assign:customer-profile:${item.step}`),
    "assign:customer-profile:address-document",
    "assign:customer-profile:primary-customer-profile",
  ];
  const trustProductAssignments = [
    ...items.trustProduct.map((item) => `assign:trust-product:${item.step}`),
    "assign:trust-product:customer-profile",
  ];
  return [
    node("event-stream", [], eventStreamStep(ctx)),
    // The customer profile and its items (seed 000 section 1).
    node("customer-profile", [], bundleStep(ctx, "customer-profile")),
    ...itemNodes("customer-profile", items.profile),
    node("address", [], addressStep(ctx)),
    node("address-document", ["address"], addressDocumentStep(ctx)),
    node(
      "assign:customer-profile:address-document",
      ["customer-profile", "address-document"],
      assignStep(ctx, "customer-profile", "address-document"),
    ),
    node(
      "assign:customer-profile:primary-customer-profile",
      ["customer-profile"],
      assignStep(ctx, "customer-profile", null, ctx.primaryCustomerProfileSid),
    ),
    // The A2P TrustProduct (seed 000 section 2).
    node("trust-product", [], bundleStep(ctx, "trust-product")),
    ...itemNodes("trust-product", items.trustProduct),
    node(
      "assign:trust-product:customer-profile",
      ["trust-product", "customer-profile"],
      assignStep(ctx, "trust-product", "customer-profile"),
    ),
    // Messaging Service (seed 000 section 4): independent of the rest.
    node("messaging-service", [], messagingServiceStep(ctx)),
    node("evaluate:customer-profile", profileAssignments, evaluateStep(ctx, "customer-profile")),
    node("submit:customer-profile", ["evaluate:customer-profile"], submitStep(ctx, "customer-profile")),
    // The trust product is evaluated once the profile is compliant (it includes the profile).
    node(
      "evaluate:trust-product",
      [...trustProductAssignments, "evaluate:customer-profile"],
      evaluateStep(ctx, "trust-product"),
    ),
    node(
      "submit:trust-product",
      ["evaluate:trust-product", "submit:customer-profile"],
      submitStep(ctx, "trust-product"),
    ),
    // BrandRegistration (seed 000 section 3), once both bundles are submitted.
    { ...node("brand", ["submit:customer-profile", "submit:trust-product"], brandStep(ctx)), paced: true },
  ];
}

/**
 * The campaign phase (seed 000 section 5), run once staff approve the campaign: the brand and the
 * Messaging Service it builds on are recorded by the registration phase.
 */
export function campaignGraph(ctx: StepContext, approved: ApprovedCampaign): GraphNode[] {
  return [{ id: "campaign", deps: [], run: campaignStep(ctx, approved), paced: true }];
}

/**
 * The voice phase (seed 002), run when staff (or the customer) choose numbers for SHAKEN/STIR:
 * the Secondary Customer Profile it builds on is recorded by the registration phase.
 */
export function voiceGraph(ctx: StepContext): GraphNode[] {
  return [{ id: SHAKEN_STIR_STEP, deps: [], run: shakenStirStep(ctx) }];
}
