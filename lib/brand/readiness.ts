/**
 * When a brand is ready for campaigns: Twilio's Event Streams guide says *brand-registered* "doesn't
 * reflect the verification status"; a brand is ready once it is *brand-verified* (identity passed,
 * no secondary vetting elected) or *brand-vetted-verified* (live-twilio.md §3 and §9,
 * ../shared/twilio-docs/a2p-event-streams-setup.md). So readiness is the brand's status APPROVED
 * **and** its identity VERIFIED or VETTED_VERIFIED, never the status alone: a Sole Proprietor brand
 * is APPROVED with identity UNVERIFIED until its owner answers the code. Identity statuses are
 * compared case-insensitively (events send `verified`, the API `VERIFIED`). Pure.
 */
export const READY_IDENTITIES = ["VERIFIED", "VETTED_VERIFIED"] as const;

/**
 * Identity statuses after which Twilio does not change an APPROVED brand's identity on its own: the
 * ready ones, and a failed secondary vetting (`vetting_failed`, brand-secondary-vetting-failure).
 * The status sync keeps polling an APPROVED brand until its identity is one of these.
 */
export const SETTLED_IDENTITIES = [...READY_IDENTITIES, "VETTING_FAILED"] as const;

export const identityOf = (identity: string | null | undefined): string | null =>
  identity ? identity.trim().toUpperCase() : null;

export function brandReady(status: string | null | undefined, identity: string | null | undefined): boolean {
  return (
    status?.toUpperCase() === "APPROVED" && (READY_IDENTITIES as readonly string[]).includes(identityOf(identity) ?? "")
  );
}

/** An APPROVED brand still waiting on its identity (a code, an email, TCR's check): worth polling. */
export function brandAwaitsIdentity(status: string | null | undefined, identity: string | null | undefined): boolean {
  return (
    status?.toUpperCase() === "APPROVED" &&
    !(SETTLED_IDENTITIES as readonly string[]).includes(identityOf(identity) ?? "")
  );
}
