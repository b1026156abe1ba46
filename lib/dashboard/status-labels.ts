/** Twilio's status values in words staff and customers read on the dashboard. */
const BUNDLE: Record<string, string> = {
  draft: "Draft",
  "pending-review": "Submitted",
  "in-review": "In review",
  "twilio-approved": "Approved",
  "twilio-rejected": "Rejected",
};

const BRAND: Record<string, string> = {
  PENDING: "Pending",
  IN_REVIEW: "In review",
  APPROVED: "Approved",
  FAILED: "Failed",
  SUSPENDED: "Suspended",
};

const IDENTITY: Record<string, string> = {
  SELF_DECLARED: "Self-declared",
  UNVERIFIED: "Unverified",
  VERIFIED: "Verified",
  VETTED_VERIFIED: "Vetted and verified",
};

const CAMPAIGN: Record<string, string> = {
  PENDING: "Pending",
  IN_PROGRESS: "In review",
  VERIFIED: "Verified",
  FAILED: "Failed",
  SUSPENDED: "Suspended",
};

export const bundleStatusLabel = (status: string | null) => (status ? (BUNDLE[status] ?? status) : "—");
export const brandStatusLabel = (status: string | null) => (status ? (BRAND[status] ?? status) : "—");
export const identityStatusLabel = (status: string | null) => (status ? (IDENTITY[status] ?? status) : "—");
export const campaignStatusLabel = (status: string | null) =>
  status ? (CAMPAIGN[status.toUpperCase()] ?? status) : "—";

/** Good, waiting, or bad: the colour a status is shown in. */
export function statusTone(status: string | null): "good" | "bad" | "wait" | "none" {
  if (!status) return "none";
  if (["twilio-approved", "APPROVED", "VERIFIED", "VETTED_VERIFIED", "TWILIO_APPROVED"].includes(status)) return "good";
  if (["twilio-rejected", "FAILED", "SUSPENDED", "UNVERIFIED", "TWILIO_REJECTED"].includes(status)) return "bad";
  return "wait";
}

/** A toll-free verification's status (Twilio's tollfree_verification_enum_status) in words. */
const TOLLFREE: Record<string, string> = {
  PENDING_REVIEW: "Waiting for review",
  IN_REVIEW: "In review",
  TWILIO_APPROVED: "Approved",
  TWILIO_REJECTED: "Rejected",
};

export const tollfreeStatusLabel = (status: string | null) =>
  status ? (TOLLFREE[status.toUpperCase()] ?? status) : "Not sent yet";
