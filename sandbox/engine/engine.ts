import type { FeeType, Store } from "../core/store";
import type { Deliveries } from "./deliveries";

/** How long Twilio takes, in sandbox seconds. Each can be set by the environment. */
export type Delays = {
  /** pending-review → in-review */
  reviewSeconds: number;
  /** in-review → twilio-approved (or twilio-rejected) */
  approvalSeconds: number;
  /** brand PENDING → its outcome */
  brandSeconds: number;
  /** campaign created (PENDING, then IN_PROGRESS) → VERIFIED or FAILED */
  campaignSeconds: number;
};

export const DEFAULT_DELAYS: Delays = { reviewSeconds: 5, approvalSeconds: 20, brandSeconds: 15, campaignSeconds: 30 };

/**
 * What the lifecycles (bundles, brands, campaigns) work with: the state, the sandbox's clock and
 * schedule, the fee ledger and the deliveries. The Sandbox class implements it; the lifecycles
 * depend on this interface only, so each is one module with one job.
 */
export interface Engine {
  readonly store: Store;
  readonly delays: Delays;
  readonly deliveries: Deliveries;
  now(): number;
  /** Runs `step` on the resource `afterSeconds` from now (replacing what was scheduled for it). */
  schedule(sid: string, afterSeconds: number, step: string): void;
  /** Runs `step` on the resource at a time on the sandbox clock (replacing what was scheduled for it). */
  scheduleAt(sid: string, at: number, step: string): void;
  chargeFee(accountSid: string, type: FeeType, resourceSid: string): void;
}
