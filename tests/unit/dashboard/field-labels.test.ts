import { describe, expect, it } from "vitest";

import { fieldLabel, wizardFieldHref } from "@/lib/dashboard/field-labels";
import { explainTwilioError } from "@/lib/trusthub/error-explanations";

describe("field labels and explanations", () => {
  it("name fields as the wizard does", () => {
    expect(fieldLabel("business.websiteUrl")).toBe("Business information: Website URL");
    expect(fieldLabel("representatives.secondary.email")).toBe("Authorized representatives: Representative 2: Email");
    expect(fieldLabel("company.stockTicker")).toBe("Company type: Stock Ticker");
    expect(wizardFieldHref("address.postalCode")).toBe("/onboarding/address?field=address.postalCode");
  });

  it("explain known codes and fall back on the code's family", () => {
    expect(explainTwilioError(22219)).toContain("PO Box");
    expect(explainTwilioError(22299)).toContain("Twilio's review");
    expect(explainTwilioError(30701)).toContain("Campaign Registry");
    expect(explainTwilioError(null)).toContain("contact us");
  });
});
