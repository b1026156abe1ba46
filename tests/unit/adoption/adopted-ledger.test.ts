import { describe, expect, it } from "vitest";

import { adoptedLedger } from "@/lib/adoption/adopted-ledger";
import { proposeCustomers, type InventoryAccount } from "@/lib/adoption/group";
import { POLICY } from "@/lib/trusthub/payloads";

const noFields = {
  description: "d",
  messageFlow: "f",
  messageSamples: ["s1", "s2"],
  hasEmbeddedLinks: false,
  hasEmbeddedPhone: false,
  ageGated: false,
  directLending: false,
  optInMessage: "",
  optOutMessage: "",
  helpMessage: "",
  optInKeywords: ["START"],
  optOutKeywords: [],
  helpKeywords: [],
  privacyPolicyUrl: "",
  termsAndConditionsUrl: "",
};

const assigned = (bundle: string, objectSids: string[]) =>
  objectSids.map((objectSid) => ({ sid: `BV-${bundle}-${objectSid}`, objectSid }));

/** One customer of the seeds' shape (seed 000): two bundles, their items, a brand, a service, a campaign. */
const inventory: InventoryAccount = {
  accountSid: "AC1",
  isIsv: false,
  friendlyName: "",
  customerProfiles: [
    {
      sid: "BUcp",
      friendlyName: "x",
      status: "twilio-approved",
      policySid: "RN",
      assignments: assigned("cp", ["ITbiz", "ITrep", "RDaddr", "BUprimary"]),
    },
  ],
  trustProducts: [
    // The customer's SHAKEN/STIR trust product holds the profile too (seed 002): told apart by its policy.
    {
      sid: "BUss",
      friendlyName: "z",
      status: "twilio-approved",
      policySid: POLICY.shakenStir,
      assignments: assigned("ss", ["ITss", "BUcp"]),
    },
    {
      sid: "BUtp",
      friendlyName: "y",
      status: "in-review",
      policySid: "RN",
      assignments: assigned("tp", ["ITmp", "BUcp"]),
    },
  ],
  endUsers: [
    { sid: "ITbiz", type: "customer_profile_business_information", attributes: {} },
    { sid: "ITrep", type: "authorized_representative_1", attributes: {} },
    { sid: "ITmp", type: "us_a2p_messaging_profile_information", attributes: {} },
  ],
  supportingDocuments: [{ sid: "RDaddr", type: "customer_profile_address", addressSids: ["ADx"] }],
  addresses: [
    {
      sid: "ADx",
      customerName: "",
      street: "",
      streetSecondary: "",
      city: "",
      region: "",
      postalCode: "",
      isoCountry: "US",
    },
  ],
  brands: [
    {
      sid: "BNx",
      status: "FAILED",
      identityStatus: "UNVERIFIED",
      brandType: "STANDARD",
      skipAutomaticSecVet: false,
      customerProfileBundleSid: "BUcp",
      a2pProfileBundleSid: "BUtp",
      details: { failureReason: "identity" },
    },
  ],
  services: [
    {
      sid: "MGx",
      friendlyName: "s",
      campaigns: [
        {
          sid: "QEx",
          status: "IN_PROGRESS",
          brandRegistrationSid: "BNx",
          usecase: "MIXED",
          campaignId: null,
          fields: noFields,
        },
      ],
      phoneNumbers: [],
    },
  ],
};

describe("the ledger an adopted customer starts with", () => {
  it("records every resource under the step the pipeline would have used, so no later run creates any of them again", () => {
    const [customer] = proposeCustomers([inventory]);
    const rows = adoptedLedger(customer!);
    expect(Object.fromEntries(rows.map((row) => [row.step, row.sid]))).toEqual({
      "customer-profile": "BUcp",
      "trust-product": "BUtp",
      "business-information": "ITbiz",
      "assign:customer-profile:business-information": "BV-cp-ITbiz",
      "representative-1": "ITrep",
      "assign:customer-profile:representative-1": "BV-cp-ITrep",
      "address-document": "RDaddr",
      "assign:customer-profile:address-document": "BV-cp-RDaddr",
      address: "ADx",
      "assign:customer-profile:primary-customer-profile": "BV-cp-BUprimary",
      "messaging-profile": "ITmp",
      "assign:trust-product:messaging-profile": "BV-tp-ITmp",
      "assign:trust-product:customer-profile": "BV-tp-BUcp",
      "shaken-stir": "BUss",
      brand: "BNx",
      "messaging-service": "MGx",
      campaign: "QEx",
    });
    expect(rows.find((row) => row.step === "trust-product")!.status).toBe("in-review");
    expect(rows.find((row) => row.step === "brand")).toMatchObject({
      status: "FAILED",
      details: { failureReason: "identity" },
    });
    expect(rows.find((row) => row.step === "campaign")).toMatchObject({
      status: "IN_PROGRESS",
      details: { messagingServiceSid: "MGx", useCase: "MIXED", sentVersion: 1, createOnly: { optInKeywords: "START" } },
    });
  });

  it("names a service without a campaign as the customer's Messaging Service, and records no campaign or brand it lacks", () => {
    const [customer] = proposeCustomers([
      { ...inventory, brands: [], services: [{ ...inventory.services[0]!, campaigns: [] }] },
    ]);
    const steps = adoptedLedger(customer!).map((row) => row.step);
    expect(steps).toContain("messaging-service");
    expect(steps).not.toContain("brand");
    expect(steps).not.toContain("campaign");
  });
});
