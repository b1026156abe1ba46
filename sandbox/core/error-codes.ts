/**
 * Every Twilio error code the sandbox answers with, with Twilio's meaning and where it comes from.
 * `TwilioError` accepts only these codes (checked by the compiler and at run time), and
 * tests/unit/sandbox-error-codes.test.ts checks that the sandbox's sources raise no other.
 *
 * Sources: EJ = https://www.twilio.com/docs/api/errors/twilio-error-codes.json (and
 * /docs/api/errors/<code>); OAI-MS = ../shared/twilio-oai (messaging v1); NOTE = §4 of
 * ../shared/notes/live-twilio.md, which collects them. Where Twilio publishes no code for a
 * situation (a bundle that is not editable, an object already assigned, a Messaging Service that
 * already has a campaign), the sandbox answers 400 with the generic 20001 and says so in the
 * message; the portal treats every 400 as permanent whatever its code.
 */
export const TWILIO_ERROR_CODES = {
  20001: { meaning: "Invalid parameter (missing or not acceptable)", source: "EJ" },
  20003: { meaning: "Permission denied (authentication failed, or the account may not do this)", source: "EJ" },
  20004: { meaning: "Method not allowed", source: "EJ" },
  20404: { meaning: "The requested resource was not found", source: "EJ" },
  20429: { meaning: "Too many requests (never processed; safe to retry)", source: "EJ, NOTE §4" },
  20500: { meaning: "Internal server error", source: "EJ" },
  20502: { meaning: "Bad gateway", source: "EJ" },
  20503: { meaning: "Service unavailable", source: "EJ" },
  21422: {
    meaning: "The phone number requested is not available (bought already, or never offered)",
    source: "EJ /21422",
  },
  21710: { meaning: "The phone number is already in this Messaging Service's sender pool", source: "EJ, NOTE §4" },
  21712: { meaning: "The phone number is already in another Messaging Service", source: "EJ /21712, NOTE §4" },
  21714: { meaning: "The Messaging Service's sender pool is full", source: "EJ, NOTE §4" },
  21717: { meaning: "The campaign's brand is not registered (not APPROVED) or is invalid", source: "EJ, NOTE §4" },
  21720: { meaning: "Invalid A2P use case", source: "EJ, NOTE §4" },
  21724: { meaning: "Brand update count exceeded", source: "EJ, NOTE §4" },
  21725: { meaning: "A brand can be updated only when it is FAILED", source: "EJ, NOTE §4" },
  21727: { meaning: "The campaign is missing required parameters", source: "EJ, NOTE §4" },
  21728: { meaning: "A campaign parameter failed its length check", source: "EJ, NOTE §4" },
  21729: {
    meaning: "The campaign is SUSPENDED: it cannot be deleted and its numbers cannot be added or removed",
    source: "EJ, twilio-docs/troubleshooting-standard-lvs-brands.md",
  },
  21731: {
    meaning: "The brand is SUSPENDED: it cannot be updated or register new campaigns",
    source: "twilio-docs/troubleshooting-standard-lvs-brands.md",
  },
  22203: { meaning: "The bundle Status is not one of the accepted values", source: "EJ /22203" },
  22204: { meaning: "A bundle's Status cannot be changed in the same request as other properties", source: "EJ" },
  22205: { meaning: "Invalid object SID (malformed, or not of this account)", source: "EJ, NOTE §4" },
  22206: { meaning: "This type of object may not be assigned to this bundle", source: "EJ, NOTE §4" },
  22207: { meaning: "The Attributes are not valid JSON", source: "EJ, NOTE §4" },
} as const satisfies Record<number, { meaning: string; source: string }>;

export type TwilioErrorCode = keyof typeof TWILIO_ERROR_CODES;

export function isKnownErrorCode(code: number): code is TwilioErrorCode {
  return Object.hasOwn(TWILIO_ERROR_CODES, code);
}
