import { isoDate } from "../core/clock";
import { tooManyRequests } from "../core/errors";
import type { FeeType, Store } from "../core/store";

/** Registration fees the sandbox records per billable event (US dollars, illustrative). */
const FEES: Record<FeeType, number> = {
  brand_registration: 4.5,
  secondary_vetting: 41.5,
  campaign_vetting: 15,
  // Each new Authentication+ verification (troubleshooting-standard-lvs-brands.md; $12.50 at TCR).
  authentication_plus: 12.5,
};

/** Records a fee in the sandbox's ledger (what tests read to count the ISV's spend). */
export function chargeFee(store: Store, accountSid: string, type: FeeType, resourceSid: string, now: number): void {
  store.state.fees.push({ accountSid, type, resourceSid, amountUsd: FEES[type], at: isoDate(now) });
  store.changed();
}

/** Twilio's rule for brands and campaigns: one creation per second per account (seeds README). */
export function enforceOnePerSecond(store: Store, accountSid: string, what: "brand" | "campaign"): void {
  const key = `${accountSid}:${what}`;
  const last = store.state.lastRateLimited[key];
  const now = Date.now();
  if (last !== undefined && now - last < 1000) throw tooManyRequests();
  store.state.lastRateLimited[key] = now;
}
