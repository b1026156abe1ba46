import type { ApplicationDraft } from "@/lib/onboarding/schema/application";
import { toE164 } from "@/lib/onboarding/schema/representatives";

import type { TollfreeDraft } from "./draft-values";

const COMPANY_TYPE_TO_BUSINESS_TYPE: Record<string, string> = {
  private: "PRIVATE_PROFIT",
  public: "PUBLIC_PROFIT",
  "non-profit": "NON_PROFIT",
  government: "GOVERNMENT",
};

/** The onboarding's registration types that Twilio's toll-free authorities name the same way. */
const SAME_AUTHORITY = new Set(["EIN", "CBN", "ACN", "VAT"]);

/**
 * A new toll-free verification starts from what the customer already told the portal (#29 line 1):
 * the business, its address and its first representative from the onboarding draft, in Twilio's
 * toll-free terms. Pure; what is missing stays empty for the customer to fill in.
 */
export function tollfreeDraftFromOnboarding(draft: ApplicationDraft, notificationEmail: string): TollfreeDraft {
  const text = (group: Partial<Record<string, unknown>> | undefined, key: string) => {
    const value = group?.[key];
    return typeof value === "string" ? value.trim() : "";
  };
  const b = (key: string) => text(draft.business, key);
  const a = (key: string) => text(draft.address, key);
  const primaryGroup = draft.representatives?.primary;
  const primary = primaryGroup && typeof primaryGroup === "object" ? (primaryGroup as Record<string, unknown>) : {};
  const p = (key: string) => text(primary, key);
  const soleProprietor = b("hasTaxId") === "no";
  const registrationType = b("registrationIdType");
  const phone = p("phoneNumber") ? toE164(p("phoneCountry") || "US", p("phoneNumber")) : null;
  const prefilled: TollfreeDraft = {
    businessName: b("businessName"),
    businessWebsite: b("websiteUrl"),
    businessType: soleProprietor
      ? "SOLE_PROPRIETOR"
      : (COMPANY_TYPE_TO_BUSINESS_TYPE[text(draft.company, "companyType")] ?? ""),
    businessRegistrationAuthority: soleProprietor ? "" : SAME_AUTHORITY.has(registrationType) ? registrationType : "",
    businessRegistrationNumber: soleProprietor ? "" : b("registrationNumber"),
    businessRegistrationCountry: soleProprietor ? "" : registrationType === "EIN" ? "US" : a("country"),
    businessStreetAddress: a("street"),
    businessStreetAddress2: a("streetSecondary"),
    businessCity: a("city"),
    businessStateProvinceRegion: a("region"),
    businessPostalCode: a("postalCode"),
    businessCountry: a("country"),
    businessContactFirstName: p("firstName"),
    businessContactLastName: p("lastName"),
    businessContactEmail: p("email"),
    businessContactPhone: phone ?? "",
    notificationEmail: notificationEmail || p("email"),
  };
  return Object.fromEntries(Object.entries(prefilled).filter(([, value]) => value !== "")) as TollfreeDraft;
}
