import "server-only";

import type { Application } from "@/lib/onboarding/schema/application";

import type { TwilioAccount } from "../twilio/account";
import { knownSid, type LedgerStep } from "./ledger";
import type { RetryPolicy } from "./retry";

/**
 * What every provisioning step works with: the account's client, the ISV's settings, the run's
 * hold on the job. A toll-free verification needs no more (its answers are its own).
 */
export type RunContext = {
  applicationId: string;
  /**
   * The customer's account, as the gateway takes it; its pacing spaces brand and campaign requests
   * as the run says and takes one of the account's call slots per request, inside the rate slot.
   */
  account: TwilioAccount;
  accountSid: string;
  retry: RetryPolicy;
  /** Register brands as Twilio mock brands (TWILIO_MOCK_BRANDS). */
  mockBrands: boolean;
  notificationEmail: string;
  primaryCustomerProfileSid: string;
  statusCallbackUrl: string | null;
  /** The portal's Event Streams route, where the account's Sink points (null: no public URL set). */
  eventsUrl: string | null;
  /**
   * Re-checks, in the database, that this worker still holds the job (and extends its hold), or
   * throws LeaseLostError: called before every create and every billable call (fencing).
   */
  fence: () => Promise<void>;
  /**
   * Runs a Twilio request in one of the account's call slots (at most so many at once, across every
   * instance). Ordinary steps hold one for the whole step; paced steps (brands, campaigns) take one
   * per request, inside the rate slot (the account's pacing).
   */
  inAccountSlot: <T>(request: () => Promise<T>) => Promise<T>;
  /**
   * Steps whose resource this run created (no earlier intent): a bundle created here is still a
   * draft nobody else could have submitted, so its submission needs no status look-up first.
   */
  createdThisRun: Set<string>;
};

/** A registration step's context: the run's, and the application as staff approved it. */
export type StepContext = RunContext & { application: Application };

/** The recorded SID of an earlier step (its node ran before this one). */
export async function sidOf(ctx: RunContext, step: LedgerStep): Promise<string> {
  const sid = await knownSid(ctx.applicationId, step);
  if (!sid) throw new Error(`${step} has no SID yet`);
  return sid;
}
