import { explainTwilioError } from "@/lib/trusthub/error-explanations";
import { brandDetailsOf } from "@/lib/trusthub/ledger-details";

import { brandReady } from "../brand/readiness";

/**
 * Where an application stands, in the customer's words: a pure function of its status, its
 * provisioning job and the Twilio statuses the portal has recorded.
 */
export type Stage = { id: string; label: string; state: "done" | "current" | "todo" | "failed"; detail?: string };
export type ProgressInput = {
  applicationStatus: string;
  jobState: string | null;
  resources: { step: string; status: string | null; details?: unknown }[];
};

const status = (input: ProgressInput, step: string) =>
  input.resources.find((resource) => resource.step === step)?.status ?? null;

const BUNDLE_WORDS: Record<string, string> = {
  draft: "Being prepared",
  "pending-review": "Submitted to Twilio",
  "in-review": "In review at Twilio (usually 1–3 business days)",
  "twilio-approved": "Approved",
  "twilio-rejected": "Rejected: see what to fix",
};

const BRAND_WORDS: Record<string, string> = {
  PENDING: "Registered, waiting for The Campaign Registry (usually a few minutes to a few days)",
  IN_REVIEW: "In manual review (can take several days)",
  APPROVED: "Approved",
  FAILED: "Failed: see what to fix",
  SUSPENDED: "Suspended",
};

const IDENTITY_PENDING = "Registered, identity being verified (usually minutes, sometimes a few days)";

const CAMPAIGN_WORDS: Record<string, string> = {
  PENDING: "Registered, being vetted (usually two to three weeks)",
  IN_PROGRESS: "Registered, being vetted (usually two to three weeks)",
  VERIFIED: "Verified: your numbers can send",
  FAILED: "Not accepted: see what to change in your campaign",
  SUSPENDED: "Suspended by the carriers",
};

export function approvalProgress(input: ProgressInput): Stage[] {
  const sent = input.applicationStatus !== "DRAFT";
  const approved = input.applicationStatus === "APPROVED";
  const profile = status(input, "customer-profile");
  const brand = status(input, "brand");
  const campaign = status(input, "campaign")?.toUpperCase() ?? null;
  const stage = (id: string, label: string, state: Stage["state"], detail?: string): Stage => ({
    id,
    label,
    state,
    detail,
  });
  const bundleState = (value: string | null): Stage["state"] =>
    value === "twilio-approved" ? "done" : value === "twilio-rejected" ? "failed" : value ? "current" : "todo";
  const brandDetails = brandDetailsOf(input.resources.find((resource) => resource.step === "brand")?.details);
  const brandErrors = brandDetails.errors;
  // Ready for campaigns only once the identity is verified, not when APPROVED alone (brand/readiness.ts).
  const ready = brandReady(brand, brandDetails.identityStatus);
  const brandWords = brand === "APPROVED" && !ready ? IDENTITY_PENDING : brand ? (BRAND_WORDS[brand] ?? brand) : null;
  return [
    stage(
      "sent",
      "Application sent",
      sent ? "done" : "current",
      sent ? undefined : "Fill in the four steps and send it for review.",
    ),
    stage(
      "review",
      "Reviewed by our team",
      approved ? "done" : input.applicationStatus === "CHANGES_REQUESTED" ? "failed" : sent ? "current" : "todo",
      input.applicationStatus === "CHANGES_REQUESTED"
        ? "Some answers need changes: they are shown next to each field."
        : sent && !approved
          ? "We usually review within one business day."
          : undefined,
    ),
    stage(
      "profile",
      "Business profile at Twilio",
      bundleState(profile),
      profile ? (BUNDLE_WORDS[profile] ?? profile) : approved ? "Being created" : undefined,
    ),
    stage(
      "brand",
      "Brand registration",
      ready ? "done" : brand === "FAILED" || brand === "SUSPENDED" ? "failed" : brand ? "current" : "todo",
      brand
        ? [
            brandWords,
            // Plain words, not Twilio's raw text: this is the customer's own view.
            // Each once: Twilio may list an error twice.
            ...new Set(
              brandErrors.map((error) => `${error.code ? `${error.code}: ` : ""}${explainTwilioError(error.code)}`),
            ),
          ].join(" — ")
        : undefined,
    ),
    stage(
      "campaign",
      "Messaging campaign",
      campaign === "VERIFIED"
        ? "done"
        : campaign === "FAILED" || campaign === "SUSPENDED"
          ? "failed"
          : campaign || ready
            ? "current"
            : "todo",
      campaign
        ? (CAMPAIGN_WORDS[campaign] ?? campaign)
        : ready
          ? "Describe what you send and how people opt in: open Messaging campaign."
          : undefined,
    ),
  ];
}
