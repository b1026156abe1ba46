import "server-only";

import { describeErrorForLog } from "@/lib/logging/redact";
import { isTollFreeNumber, type NumberSearchResult } from "@/lib/numbers/schema";

import { audit } from "../audit/audit";
import { db } from "../db";
import { accountBySid } from "../twilio/client";
import { buyPhoneNumber, numberMonthlyPrice, searchLocalNumbers, searchTollFreeNumbers } from "../twilio/phone-numbers";
import { forgetAccountNumbers } from "./account-numbers";
import { numberHomeOf } from "./number-ownership";

type Failure = { ok: false; field?: "areaCode" | "phoneNumber"; message: string };

const price = (amount: { amount: string; currency: string } | null) =>
  amount ? `${amount.amount} ${amount.currency} a month` : null;

/** Twilio's Pricing API names the number types this way. */
const priceType = (phoneNumber: string) => (isTollFreeNumber(phoneNumber) ? "toll free" : "local");

/**
 * Numbers on offer, in the account the customer's numbers live in, with what one costs a month
 * (Twilio's Pricing API) so it is seen before anything is bought (#26): local ones in one area
 * code, or toll-free ones under one prefix or any (#29 line 1).
 */
export async function searchNumbersToBuy(
  organizationId: string,
  areaCode: string,
  kind: "local" | "toll-free" = "local",
): Promise<{ ok: true; result: NumberSearchResult } | Failure> {
  const home = await numberHomeOf(organizationId);
  if (!home) return { ok: false, message: "Twilio is not configured, or this customer no longer exists." };
  try {
    const account = await accountBySid(home.accountSid);
    const [offers, monthly] = await Promise.all([
      kind === "toll-free"
        ? searchTollFreeNumbers(account, areaCode ? Number(areaCode) : null)
        : searchLocalNumbers(account, Number(areaCode)),
      numberMonthlyPrice(account, kind === "toll-free" ? "toll free" : "local").catch((error: unknown) => {
        console.error(`[numbers] price not read: ${describeErrorForLog(error)}`);
        return null;
      }),
    ]);
    return {
      ok: true,
      result: {
        areaCode,
        kind,
        monthlyPrice: price(monthly),
        offers: offers.map((offer) => ({
          phoneNumber: offer.phoneNumber,
          friendlyName: offer.friendlyName,
          place: [offer.locality, offer.region].filter(Boolean).join(", ") || null,
        })),
      },
    };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 400) return { ok: false, field: "areaCode", message: "Twilio did not accept this area code." };
    console.error(`[numbers] search in ${areaCode} failed: ${describeErrorForLog(error)}`);
    return { ok: false, message: "Twilio could not be reached just now. Try again in a moment." };
  }
}

/**
 * Buys one number into the customer's account and gives it to the customer at once. The monthly
 * price is read again and must still be known: nothing is bought at a price nobody saw. A double
 * click asks Twilio twice for one number; the second is refused (21422), so one number is bought.
 */
export async function buyNumber(
  organizationId: string,
  phoneNumber: string,
  actorUserId: string,
): Promise<{ ok: true; phoneNumberSid: string; monthlyPrice: string } | Failure> {
  const home = await numberHomeOf(organizationId);
  if (!home) return { ok: false, message: "Twilio is not configured, or this customer no longer exists." };
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true },
  });
  const account = await accountBySid(home.accountSid);
  const monthly = price(await numberMonthlyPrice(account, priceType(phoneNumber)).catch(() => null));
  if (!monthly)
    return {
      ok: false,
      message: "Twilio's monthly price could not be read just now, so nothing was bought. Try again.",
    };
  let bought: { sid: string; phoneNumber: string };
  try {
    bought = await buyPhoneNumber(account, phoneNumber, organization.name);
  } catch (error) {
    const code = (error as { code?: number }).code;
    if (code === 21422)
      return {
        ok: false,
        field: "phoneNumber",
        message: "This number was just taken. Search again and choose another.",
      };
    console.error(`[numbers] ${phoneNumber} not bought: ${describeErrorForLog(error)}`);
    return {
      ok: false,
      message: `Twilio did not sell the number${code ? ` (error ${code})` : ""}. Nothing was charged.`,
    };
  }
  await db.phoneNumber.create({
    data: {
      phoneNumberSid: bought.sid,
      accountSid: home.accountSid,
      phoneNumber: bought.phoneNumber,
      organizationId,
      origin: "bought",
      monthlyPrice: monthly,
      assignedById: actorUserId,
    },
  });
  forgetAccountNumbers(home.accountSid);
  await audit(db, {
    actorUserId,
    action: "phone_number.bought",
    targetType: "Organization",
    targetId: organizationId,
    organizationId,
    metadata: { phoneNumberSid: bought.sid, monthlyPrice: monthly },
  });
  return { ok: true, phoneNumberSid: bought.sid, monthlyPrice: monthly };
}
