import { brandReady } from "@/lib/brand/readiness";

/**
 * The stages an application passes through, from the first draft to a verified campaign, and how
 * long Twilio (or our own team) usually takes in each. Pure: shared by the dashboard, the customer's
 * home and the tests.
 */
export const STAGE_IDS = [
  "draft",
  "in-staff-review",
  "changes-requested",
  "provisioning",
  "provisioning-failed",
  "profile-in-review",
  "profile-rejected",
  "brand-pending",
  "otp-pending",
  "email-2fa-pending",
  "brand-failed",
  "brand-approved",
  "campaign-pending",
  "campaign-failed",
  "campaign-verified",
] as const;
export type StageId = (typeof STAGE_IDS)[number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type StageInfo = {
  label: string;
  /** How far along the approval funnel an application in this stage has come (index in FUNNEL). */
  reached: number;
  /** A failure or a request someone has to act on. */
  attention: boolean;
  /** How long this stage usually lasts; past it the application is "stuck". Null: it waits on the customer. */
  usualMs: number | null;
  /** The usual wait, in words, for the customer and staff. */
  usualWait: string | null;
};

/**
 * Usual durations: Trust Hub reviews take up to 72 hours; TCR registers most brands within minutes
 * but manual review can take several days; campaign vetting is manual and takes up to several weeks
 * (Twilio's A2P 10DLC guides and support notes). Staff review is our own promise.
 */
export const STAGES: Record<StageId, StageInfo> = {
  draft: { label: "Draft", reached: 0, attention: false, usualMs: null, usualWait: null },
  "in-staff-review": {
    label: "In staff review",
    reached: 1,
    attention: false,
    usualMs: 2 * DAY,
    usualWait: "usually within one business day",
  },
  "changes-requested": { label: "Changes requested", reached: 1, attention: true, usualMs: null, usualWait: null },
  provisioning: { label: "Provisioning", reached: 2, attention: false, usualMs: HOUR, usualWait: "a few minutes" },
  "provisioning-failed": { label: "Provisioning failed", reached: 2, attention: true, usualMs: null, usualWait: null },
  "profile-in-review": {
    label: "Profile in review",
    reached: 3,
    attention: false,
    usualMs: 5 * DAY,
    usualWait: "usually 1–3 business days",
  },
  "profile-rejected": { label: "Profile rejected", reached: 3, attention: true, usualMs: null, usualWait: null },
  "brand-pending": {
    label: "Brand pending",
    reached: 4,
    attention: false,
    usualMs: 7 * DAY,
    usualWait: "minutes to a few days; a manual review can take up to a week",
  },
  // The brand waits on its owner (Twilio's Sole Proprietor walkthrough; Authentication+): past the
  // window the code or link has expired, and the row shows as stuck.
  "otp-pending": {
    label: "Waiting for the one-time code",
    reached: 4,
    attention: false,
    usualMs: 24 * HOUR,
    usualWait: "the owner replies to the text within 24 hours",
  },
  "email-2fa-pending": {
    label: "Waiting for the Authentication+ email",
    reached: 4,
    attention: false,
    usualMs: 7 * DAY,
    usualWait: "the brand contact clicks the emailed link within 7 days",
  },
  "brand-failed": { label: "Brand failed", reached: 4, attention: true, usualMs: null, usualWait: null },
  "brand-approved": { label: "Brand approved", reached: 5, attention: false, usualMs: null, usualWait: null },
  "campaign-pending": {
    label: "Campaign in review",
    reached: 5,
    attention: false,
    usualMs: 21 * DAY,
    usualWait: "campaign vetting is manual and can take two to three weeks",
  },
  "campaign-failed": { label: "Campaign failed", reached: 5, attention: true, usualMs: null, usualWait: null },
  "campaign-verified": { label: "Campaign verified", reached: 6, attention: false, usualMs: null, usualWait: null },
};

/** The approval funnel's steps: how many applications got at least this far. */
export const FUNNEL = [
  "Started",
  "Sent for review",
  "Approved by staff",
  "Submitted to Twilio",
  "Profiles approved",
  "Brand approved",
  "Campaign verified",
] as const;

export const isStageId = (value: string): value is StageId => (STAGE_IDS as readonly string[]).includes(value);
export const stageLabel = (stage: string) => (isStageId(stage) ? STAGES[stage].label : stage);

/** Counts per funnel step from counts per stage: each application counts for every step up to the one it reached. */
export function funnel(counts: Partial<Record<StageId, number>>): { label: string; count: number }[] {
  return FUNNEL.map((label, index) => ({
    label,
    count: STAGE_IDS.reduce((sum, stage) => sum + (STAGES[stage].reached >= index ? (counts[stage] ?? 0) : 0), 0),
  }));
}

export type StageInput = {
  applicationStatus: "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "APPROVED";
  jobState: string | null;
  profileStatus: string | null;
  trustProductStatus: string | null;
  brandStatus: string | null;
  /** The brand's identity status: an APPROVED brand is ready for campaigns only once it is verified. */
  brandIdentity?: string | null;
  campaignStatus: string | null;
  /** The verification the brand waits for (lib/brand/verification.ts), if any. */
  awaitedVerification?: "sms-otp" | "email-2fa" | null;
};

const REVIEWING = ["pending-review", "in-review"];

/** Where an application stands: the furthest point it has reached, a failure there winning over progress. */
export function stageOf(input: StageInput): StageId {
  if (input.applicationStatus === "DRAFT") return "draft";
  if (input.applicationStatus === "SUBMITTED") return "in-staff-review";
  // A failed brand goes back to the customer for a fix: the stage keeps saying why.
  if (input.applicationStatus === "CHANGES_REQUESTED")
    return input.brandStatus === "FAILED" ? "brand-failed" : "changes-requested";
  const campaign = input.campaignStatus?.toUpperCase() ?? null;
  if (campaign)
    return campaign === "VERIFIED"
      ? "campaign-verified"
      : campaign === "FAILED" || campaign === "SUSPENDED"
        ? "campaign-failed"
        : "campaign-pending";
  if (input.awaitedVerification === "email-2fa") return "email-2fa-pending";
  if (brandReady(input.brandStatus, input.brandIdentity)) return "brand-approved";
  if (input.brandStatus === "FAILED" || input.brandStatus === "SUSPENDED") return "brand-failed";
  if (input.profileStatus === "twilio-rejected" || input.trustProductStatus === "twilio-rejected")
    return "profile-rejected";
  if (input.jobState === "FAILED") return "provisioning-failed";
  const bundlesApproved = input.profileStatus === "twilio-approved" && input.trustProductStatus === "twilio-approved";
  // The brand is registered as soon as both bundles are submitted, but TCR only looks at it once
  // Trust Hub has approved them: until then the profile review is what everyone waits for.
  if (input.brandStatus && bundlesApproved && input.awaitedVerification === "sms-otp") return "otp-pending";
  if (input.brandStatus) return bundlesApproved ? "brand-pending" : "profile-in-review";
  const submitted = [input.profileStatus, input.trustProductStatus].every(
    (status) => REVIEWING.includes(status ?? "") || status === "twilio-approved",
  );
  return submitted && input.jobState === "DONE" ? "profile-in-review" : "provisioning";
}

/** When an application entered at `since` and still in `stage` is later than Twilio's usual time (null: it cannot be). */
export function dueAt(stage: StageId, since: Date): Date | null {
  const usual = STAGES[stage].usualMs;
  return usual === null ? null : new Date(since.getTime() + usual);
}

/** Someone other than the customer is working on it (our team, Twilio, TCR): worth watching closely. */
export const isUnderWay = (stage: StageId) => STAGES[stage].usualMs !== null;

export const isStuck = (due: Date | null, now: Date) => due !== null && due.getTime() < now.getTime();
