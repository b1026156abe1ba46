import "server-only";

import { normalizeRegistrationErrors } from "@/lib/brand/details";
import { replacementReason } from "@/lib/campaign/change-kind";
import { campaignDraftAsInput, readCampaignDraft } from "@/lib/campaign/draft";
import { findingsByField } from "@/lib/campaign/draft-findings";
import { CAMPAIGN_FIELDS, campaignFieldLabel, type CampaignFieldKey } from "@/lib/campaign/fields";
import { campaignLedgerDetails } from "@/lib/campaign/ledger-details";
import type { Finding } from "@/lib/campaign/review";
import { campaignSchema } from "@/lib/campaign/schema";
import { campaignApprovalFees, type Fee } from "@/lib/campaign/twilio-fees";
import { brandDetailsOf } from "@/lib/trusthub/ledger-details";

import { db } from "../db";
import { campaignAtTwilio, campaignChangeFor, campaignFindings } from "./campaign-review";
import { campaignUseCases } from "./campaign-use-cases";

export type CampaignRow = { key: CampaignFieldKey; label: string; value: string; findings: Finding[] };

export type CampaignStaffView = {
  status: "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "APPROVED";
  version: number;
  submittedAt: string | null;
  approvedAt: string | null;
  overrideReason: string | null;
  rows: CampaignRow[];
  findingCount: number;
  /** Whether the hard limits pass (staff cannot approve otherwise). */
  withinLimits: boolean;
  useCaseName: string | null;
  twilio: { sid: string; status: string | null; useCase: string | null; errors: string[] } | null;
  /** What approving will do at Twilio, and what it costs. */
  approval: { kind: "create" | "update" | "replace"; fees: Fee[]; whyFree?: string; replaceReason?: string };
  fieldOptions: { value: string; label: string }[];
};

const display = (value: unknown): string =>
  typeof value === "boolean" ? (value ? "Yes" : "No") : typeof value === "string" ? value.trim() : "";

/** The campaign as staff review it: each field with the pre-submission review's findings next to it. */
export async function campaignForStaff(applicationId: string): Promise<CampaignStaffView | null> {
  const registration = await db.campaignRegistration.findUnique({ where: { applicationId } });
  if (!registration) return null;
  const draft = readCampaignDraft(registration.draft);
  const [findings, atTwilio, resource, useCases, brand] = await Promise.all([
    campaignFindings(applicationId, draft),
    campaignAtTwilio(applicationId),
    db.twilioResource.findUnique({ where: { applicationId_step: { applicationId, step: "campaign" } } }),
    campaignUseCases(registration),
    db.twilioResource.findUnique({ where: { applicationId_step: { applicationId, step: "brand" } } }),
  ]);
  // A campaign on a mock brand is a mock campaign, and costs nothing (Twilio's mock brand guide).
  const mock = brandDetailsOf(brand?.details).mock === true;
  const byField = findingsByField(findings);
  const chosen = typeof draft.usAppToPersonUsecase === "string" ? draft.usAppToPersonUsecase : "";
  const parsedDraft = campaignSchema.safeParse(campaignDraftAsInput(draft));
  const change = parsedDraft.success
    ? await campaignChangeFor(applicationId, parsedDraft.data)
    : ({ kind: atTwilio ? "update" : "create" } as const);
  const kind = change.kind;
  const withinLimits = parsedDraft.success;
  const errors = normalizeRegistrationErrors(campaignLedgerDetails(resource?.details)?.errors ?? []);
  return {
    status: registration.status,
    version: registration.version,
    submittedAt: registration.submittedAt?.toISOString() ?? null,
    approvedAt: registration.approvedAt?.toISOString() ?? null,
    overrideReason: registration.overrideReason,
    rows: CAMPAIGN_FIELDS.map((field) => ({
      key: field.key,
      label: field.label,
      value: display(draft[field.key]),
      findings: byField[field.key] ?? [],
    })),
    findingCount: findings.length,
    withinLimits,
    useCaseName: useCases.useCases.find((option) => option.code === chosen)?.name ?? (chosen || null),
    twilio: atTwilio
      ? {
          sid: atTwilio.sid,
          status: atTwilio.status,
          useCase: atTwilio.useCase,
          errors: errors.map((error) =>
            [
              error.code ? `${error.code}` : null,
              error.description,
              error.fields.length ? `(${error.fields.join(", ")})` : null,
            ]
              .filter(Boolean)
              .join(" "),
          ),
        }
      : null,
    approval: {
      kind,
      ...(change.kind === "replace" ? { replaceReason: replacementReason(change)! } : {}),
      fees: mock ? [] : campaignApprovalFees(kind, chosen),
      ...(mock ? { whyFree: "the brand is a Twilio mock brand, whose campaigns are mock and cost nothing" } : {}),
    },
    fieldOptions: CAMPAIGN_FIELDS.map((field) => ({ value: field.key, label: campaignFieldLabel(field.key) })),
  };
}
