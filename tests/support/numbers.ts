import { expect } from "vitest";

import { assignNumber } from "@/lib/server/numbers/assign-number";
import { buyNumber, searchNumbersToBuy } from "@/lib/server/numbers/buy-number";

/**
 * Numbers for a test customer, got the way staff get them (#26): bought into the customer's
 * account through the portal (search, price, buy), or a number of the ISV's account assigned.
 */
export async function buyNumbersFor(
  organizationId: string,
  actorId: string,
  count = 1,
  areaCode = "415",
  kind: "local" | "toll-free" = "local",
) {
  const search = await searchNumbersToBuy(organizationId, areaCode, kind);
  if (!search.ok) throw new Error(search.message);
  expect(search.result.monthlyPrice).toMatch(/USD a month/);
  const bought: { sid: string; phoneNumber: string }[] = [];
  for (const offer of search.result.offers.slice(0, count)) {
    const outcome = await buyNumber(organizationId, offer.phoneNumber, actorId);
    if (!outcome.ok) throw new Error(outcome.message);
    bought.push({ sid: outcome.phoneNumberSid, phoneNumber: offer.phoneNumber });
  }
  return bought;
}

export async function giveNumber(organizationId: string, phoneNumberSid: string, staffId: string) {
  expect(await assignNumber(organizationId, phoneNumberSid, staffId)).toEqual({ ok: true });
}
