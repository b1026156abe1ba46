import "server-only";

import type { Twilio } from "twilio";

/**
 * An account the portal acts in (the ISV's, or a customer's subaccount), as every gateway function
 * takes it: its SID and the SDK client holding that same account's credentials (decision 0010).
 * Only the gateway's files (this folder) read `sdk`; the rest of the portal passes the handle on.
 */
export type TwilioAccount = {
  readonly sid: string;
  readonly sdk: Twilio;
  /** How this caller's brand and campaign requests wait their turn (rate-slot.ts). */
  readonly pacing?: A2pPacing;
};

/**
 * A caller's say in the one-per-second slot: the provisioning run spaces requests as its options
 * say and takes one of the account's call slots per request, inside the rate slot. Everyone else
 * takes the defaults (Twilio's spacing, no call slot).
 */
export type A2pPacing = {
  spacingMs?: number;
  inCallSlot?: <T>(request: () => Promise<T>) => Promise<T>;
};

/**
 * A billable call's context: the application the fee is recorded against, and the provisioning
 * run's hold on its job, re-checked right before the send (fencing: a worker that lost the job
 * never sends a fee-bearing request).
 */
export type Billing = { applicationId: string; fence?: () => Promise<void> };

/** The account with a caller's pacing (the provisioning run's). */
export const withPacing = (account: TwilioAccount, pacing: A2pPacing): TwilioAccount => ({ ...account, pacing });

/**
 * Every item of a list, page after page (1,000 a page, Twilio's maximum). A new object every time:
 * the SDK's list() writes its callbacks onto the params it is given, so a shared object makes
 * concurrent lists overwrite each other's completion (and never resolve).
 */
export const everyPage = () => ({ pageSize: 1000 });
