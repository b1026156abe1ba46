import type { Store } from "../core/store";

/**
 * The numbers Twilio would offer to buy (AvailablePhoneNumbers, Api v2010): in the sandbox, each US
 * area code has a fixed inventory, `+1{area}555{0100…0199}`, less the numbers any account owns.
 * Twilio's real inventory is not published; what the portal relies on is the documented shape (the
 * `available_phone_numbers` list, twilio-oai api v2010) and that a number once bought is no longer
 * offered and cannot be bought again (error 21422).
 */
const INVENTORY_PER_AREA_CODE = 100;

export type AvailableNumber = { phoneNumber: string; areaCode: string; region: string; locality: string };

/** A few area codes with their place, so the list reads like Twilio's; any other code gets "US". */
const PLACES: Record<string, [region: string, locality: string]> = {
  "212": ["NY", "New York"],
  "312": ["IL", "Chicago"],
  "415": ["CA", "San Francisco"],
  "512": ["TX", "Austin"],
  "617": ["MA", "Boston"],
  "206": ["WA", "Seattle"],
};

export function availableNumbers(store: Store, areaCode: string): AvailableNumber[] {
  const owned = new Set(store.list("IncomingPhoneNumber", () => true).map((number) => number.fields.phone_number));
  const [region, locality] = PLACES[areaCode] ?? ["US", "United States"];
  const offered: AvailableNumber[] = [];
  for (let n = 0; n < INVENTORY_PER_AREA_CODE; n++) {
    const phoneNumber = `+1${areaCode}555${String(100 + n).padStart(4, "0")}`;
    if (!owned.has(phoneNumber)) offered.push({ phoneNumber, areaCode, region, locality });
  }
  return offered;
}

/** Whether `phoneNumber` is one the sandbox offers now (in an area code's inventory, owned by nobody). */
export function isAvailable(store: Store, phoneNumber: string): boolean {
  const match = /^\+1(\d{3})555(\d{4})$/.exec(phoneNumber);
  if (!match) return false;
  return availableNumbers(store, match[1]!).some((number) => number.phoneNumber === phoneNumber);
}

export const friendlyPhoneNumber = (phoneNumber: string) =>
  phoneNumber.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "($1) $2-$3");
