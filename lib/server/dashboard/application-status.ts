import "server-only";

import { normalizeRegistrationErrors } from "@/lib/brand/details";
import { brandAttempts } from "@/lib/brand/resubmission";
import { campaignFieldOfTwilioName } from "@/lib/campaign/errors";
import { campaignFieldLabel } from "@/lib/campaign/fields";
import { senderA2pState } from "@/lib/campaign/sender-pool";
import { customerSafeGroups, customerSafeProblems } from "@/lib/dashboard/customer-safe";
import { groupEvaluationFailures } from "@/lib/dashboard/evaluation-failures";
import { fieldLabel, wizardFieldHref } from "@/lib/dashboard/field-labels";
import { nextStep } from "@/lib/dashboard/next-steps";
import { isStuck, isUnderWay, STAGES, type StageId } from "@/lib/dashboard/stages";
import type { ApplicationStatusView, ProblemField, TwilioProblem } from "@/lib/dashboard/status-views";
import { buildTimeline, type Audience } from "@/lib/dashboard/timeline";
import { explainTwilioError } from "@/lib/trusthub/error-explanations";
import { wizardField } from "@/lib/trusthub/evaluation-fields";
import { brandDetailsOf, bundleErrorsOf, campaignErrorsOf, evaluationResultsOf } from "@/lib/trusthub/ledger-details";

import { isSoleProprietor } from "../applications/application-kind";
import { sentBrandResubmissions } from "../brands/brand-resubmissions";
import { db } from "../db";

export type { ProblemField, TwilioProblem, ApplicationStatusView };

// Actions that are noise on a timeline (every HTTP call, sign-ins, hourly draft saves).
const NOT_ON_TIMELINE = [
  "twilio.call",
  "auth.sign_in",
  "application.draft_saved",
  "password_reset.requested",
  "password_reset.completed",
  "invitation.created",
];

/**
 * What an ISV can do when The Campaign Registry's secondary vetting fails (Twilio's troubleshooting
 * page): check that the business details match the tax registration exactly, then appeal through
 * Twilio Support for a manual re-vetting, which costs $10.
 */
const SECONDARY_VETTING_FAILED =
  "The brand's secondary vetting did not pass. Check that the legal name, registration number and address match the tax registration exactly; your provider can then appeal through Twilio Support for a manual re-vetting (a $10 fee).";

/** A Twilio campaign parameter (a failed campaign's errors name them so) → the campaign form's field. */
function campaignProblemField(twilioField: string): ProblemField | null {
  const key = campaignFieldOfTwilioName(twilioField);
  return key
    ? { field: `campaign.${key}`, label: `Campaign: ${campaignFieldLabel(key)}`, href: `/campaign?field=${key}` }
    : null;
}

/** A Twilio field name (brand errors name them so) → the wizard's field. */
function problemField(twilioField: string): ProblemField | null {
  const field = wizardField("brand", twilioField);
  return field ? { field, label: fieldLabel(field), href: wizardFieldHref(field) } : null;
}

/**
 * Everything the customer's home and the staff customer page show about one application: stage,
 * statuses, what Twilio found and where to fix it, what happens next, and every event so far.
 * The caller has already checked that the viewer may see this application.
 */
export async function applicationStatus(
  applicationId: string,
  audience: Audience,
  now = new Date(),
): Promise<ApplicationStatusView> {
  const application = await db.onboardingApplication.findUniqueOrThrow({ where: { id: applicationId } });
  const [resources, audits] = await Promise.all([
    db.twilioResource.findMany({
      where: { applicationId },
      orderBy: { createdAt: "asc" },
      select: { step: true, sid: true, status: true, details: true, createdAt: true },
    }),
    db.auditLog.findMany({
      where: { organizationId: application.organizationId, action: { notIn: NOT_ON_TIMELINE } },
      orderBy: { createdAt: "desc" },
      take: 300,
      select: {
        createdAt: true,
        action: true,
        metadata: true,
        actor: { select: { name: true, email: true, role: true } },
      },
    }),
  ]);

  const groups = resources
    .filter((resource) => resource.step.startsWith("evaluate:") && resource.status === "noncompliant")
    .flatMap((resource) =>
      groupEvaluationFailures(resource.step.slice("evaluate:".length), evaluationResultsOf(resource.details)),
    );

  const problems: TwilioProblem[] = [];
  const brand = resources.find((resource) => resource.step === "brand");
  if (brand && ["FAILED", "SUSPENDED"].includes(brand.status ?? "")) {
    const details = brandDetailsOf(brand.details);
    for (const error of details.errors) {
      problems.push({
        source: "Brand registration",
        code: error.code,
        description: error.description,
        explanation: explainTwilioError(error.code),
        fields: error.fields.map(problemField).filter((f): f is ProblemField => f !== null),
      });
    }
    if (!details.errors.length)
      problems.push({
        source: "Brand registration",
        code: null,
        description:
          details.failureReason ??
          (brand.status === "SUSPENDED" ? "The carriers suspended the brand." : "The brand was not approved."),
        explanation: explainTwilioError(null),
        fields: [],
      });
  }
  // A failed secondary vetting (brand-secondary-vetting-failure): the outcome and what the ISV can do.
  if (brand && brandDetailsOf(brand.details).identityStatus === "VETTING_FAILED") {
    const errors = brandDetailsOf(brand.details).errors;
    for (const error of errors.length
      ? errors
      : [{ code: null, description: "The secondary vetting failed.", fields: [] }])
      problems.push({
        source: "Secondary vetting",
        code: error.code,
        description: error.description,
        explanation: SECONDARY_VETTING_FAILED,
        fields: error.fields.map(problemField).filter((f): f is ProblemField => f !== null),
      });
  }
  for (const bundle of resources.filter(
    (resource) =>
      ["customer-profile", "trust-product"].includes(resource.step) && resource.status === "twilio-rejected",
  )) {
    const errors = bundleErrorsOf(bundle.details);
    const source = bundle.step === "customer-profile" ? "Business profile review" : "A2P profile review";
    if (!errors.length)
      problems.push({
        source,
        code: null,
        description: "Twilio rejected this profile.",
        explanation: explainTwilioError(null),
        fields: [],
      });
    for (const error of errors)
      problems.push({
        source,
        code: error.code ?? null,
        description: error.message ?? "Twilio rejected this profile.",
        explanation: explainTwilioError(error.code),
        fields: (error.fields ?? []).map(problemField).filter((f): f is ProblemField => f !== null),
      });
  }

  const campaign = resources.find((resource) => resource.step === "campaign");
  if (campaign && ["FAILED", "SUSPENDED"].includes(campaign.status?.toUpperCase() ?? "")) {
    const errors = normalizeRegistrationErrors(campaignErrorsOf(campaign.details));
    for (const error of errors)
      problems.push({
        source: "Campaign vetting",
        code: error.code,
        description: error.description,
        explanation: explainTwilioError(error.code),
        fields: error.fields.map(campaignProblemField).filter((f): f is ProblemField => f !== null),
      });
    if (!errors.length)
      problems.push({
        source: "Campaign vetting",
        code: null,
        description:
          campaign.status?.toUpperCase() === "SUSPENDED"
            ? "The campaign was suspended by the carriers."
            : "The campaign was not approved.",
        explanation: explainTwilioError(null),
        fields: [],
      });
  }

  const senderStates = (
    await db.senderNumber.findMany({ where: { applicationId }, select: { a2pStatus: true, a2pFailureReason: true } })
  ).map((number) =>
    senderA2pState(true, campaign?.status ?? null, {
      status: number.a2pStatus,
      failureReason: number.a2pFailureReason,
    }),
  );
  const sentResubmissions = brand ? await sentBrandResubmissions(brand.sid) : 0;

  const stage = application.stage as StageId;
  return {
    applicationId,
    stage,
    stageLabel: STAGES[stage]?.label ?? stage,
    stageSince: application.stageSince.toISOString(),
    stuck: isStuck(application.dueAt, now),
    dueAt: application.dueAt?.toISOString() ?? null,
    statuses: {
      profile: application.profileStatus,
      trustProduct: application.trustProductStatus,
      brand: application.brandStatus,
      identity: application.identityStatus,
      brandScore: application.brandScore,
      campaign: application.campaignStatus,
      shakenStir: resources.find((resource) => resource.step === "shaken-stir")?.status ?? null,
    },
    brandAttempts: brand ? brandAttempts(sentResubmissions) : null,
    // Each number's own registration (Twilio's number events), never inferred from the campaign.
    senders: {
      registered: senderStates.filter((state) => state === "registered").length,
      waiting: senderStates.filter((state) => state !== "registered" && state !== "failed").length,
      failed: senderStates.filter((state) => state === "failed").length,
    },
    evaluation: {
      groups: audience === "customer" ? customerSafeGroups(groups) : groups,
      corrected: groups.length > 0 && application.status !== "CHANGES_REQUESTED",
    },
    // Twilio sometimes lists the same error twice (an event and a fetch, or two fields' entries):
    // each problem is shown once.
    problems: distinctProblems(audience === "customer" ? customerSafeProblems(problems) : problems),
    next: nextStep(stage, {
      brandSuspended: brand?.status === "SUSPENDED",
      campaignSuspended: campaign?.status?.toUpperCase() === "SUSPENDED",
      vettingFailed: !!brand && brandDetailsOf(brand.details).identityStatus === "VETTING_FAILED",
      mockSoleProprietor:
        !!brand && brandDetailsOf(brand.details).mock === true && (await isSoleProprietor(applicationId)),
    }),
    timeline: buildTimeline(audits.reverse(), resources, audience),
    pending: isUnderWay(stage),
    generatedAt: now.toISOString(),
  };
}

/** The same source, code and words once; the fields of repeats merged into the first. */
function distinctProblems(problems: TwilioProblem[]): TwilioProblem[] {
  const seen = new Map<string, TwilioProblem>();
  for (const problem of problems) {
    const key = `${problem.source}|${problem.code ?? ""}|${problem.description.trim()}`;
    const first = seen.get(key);
    if (!first) seen.set(key, { ...problem, fields: [...problem.fields] });
    else
      for (const field of problem.fields)
        if (!first.fields.some((known) => known.field === field.field)) first.fields.push(field);
  }
  return [...seen.values()];
}
