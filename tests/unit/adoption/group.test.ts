import { describe, expect, it } from "vitest";

import { proposeCustomers, type InventoryAccount } from "@/lib/adoption/group";
import { POLICY } from "@/lib/trusthub/payloads";

const bundle = (sid: string, entitySids: string[], friendlyName = `${sid} Secondary Customer Profile`) => ({
  sid,
  friendlyName,
  status: "twilio-approved",
  policySid: "RN0",
  assignments: entitySids.map((objectSid) => ({ sid: `BV${sid}${objectSid}`, objectSid })),
});
const fields = {
  description: "",
  messageFlow: "",
  messageSamples: [],
  hasEmbeddedLinks: false,
  hasEmbeddedPhone: false,
  ageGated: false,
  directLending: false,
  optInMessage: "",
  optOutMessage: "",
  helpMessage: "",
  optInKeywords: [],
  optOutKeywords: [],
  helpKeywords: [],
  privacyPolicyUrl: "",
  termsAndConditionsUrl: "",
};
const account = (overrides: Partial<InventoryAccount>): InventoryAccount => ({
  accountSid: "AC1",
  isIsv: false,
  friendlyName: "",
  customerProfiles: [],
  trustProducts: [],
  endUsers: [],
  supportingDocuments: [],
  addresses: [],
  brands: [],
  services: [],
  ...overrides,
});

describe("grouping what Twilio holds into customers", () => {
  it("leaves out the ISV's primary profile (assigned inside the others) and names each customer from its business end user", () => {
    const proposals = proposeCustomers([
      account({
        accountSid: "ACisv",
        isIsv: true,
        customerProfiles: [
          bundle("BUprimary", []),
          bundle("BUa", ["ITa", "BUprimary"]),
          bundle("BUb", ["BUprimary"], "Bee Co Secondary Customer Profile"),
        ],
        endUsers: [
          {
            sid: "ITa",
            type: "customer_profile_business_information",
            attributes: { business_name: "Ay Inc", business_registration_number: "123456789" },
          },
        ],
      }),
    ]);
    expect(proposals.map((p) => [p.customerProfile.sid, p.name, p.registrationNumber, p.ownsAccount])).toEqual([
      ["BUa", "Ay Inc", "123456789", false],
      ["BUb", "Bee Co", null, false],
    ]);
  });

  it("ties the trust product, brand, campaign's service and its numbers to their profile; a lone subaccount customer takes its other services", () => {
    const [proposal] = proposeCustomers([
      account({
        customerProfiles: [bundle("BUa", [])],
        trustProducts: [bundle("BUtp", ["ITm", "BUa"])],
        brands: [
          {
            sid: "BN1",
            status: "APPROVED",
            identityStatus: "VERIFIED",
            brandType: "STANDARD",
            skipAutomaticSecVet: false,
            customerProfileBundleSid: "BUa",
            a2pProfileBundleSid: "BUtp",
            details: { brandScore: 80 },
          },
        ],
        services: [
          {
            sid: "MG1",
            friendlyName: "main",
            campaigns: [
              {
                sid: "QE1",
                status: "VERIFIED",
                brandRegistrationSid: "BN1",
                usecase: "MIXED",
                campaignId: "CX1",
                fields,
              },
            ],
            phoneNumbers: [{ sid: "PN1", phoneNumber: "+12015550100" }],
          },
          {
            sid: "MG2",
            friendlyName: "spare",
            campaigns: [],
            phoneNumbers: [{ sid: "PN2", phoneNumber: "+12015550101" }],
          },
        ],
      }),
    ]);
    expect(proposal).toMatchObject({
      ownsAccount: true,
      trustProduct: { sid: "BUtp" },
      brand: { sid: "BN1", status: "APPROVED" },
      campaign: { sid: "QE1", serviceSid: "MG1" },
      services: [{ sid: "MG1" }, { sid: "MG2" }],
      phoneNumbers: [
        { sid: "PN1", phoneNumber: "+12015550100" },
        { sid: "PN2", phoneNumber: "+12015550101" },
      ],
    });
  });

  it("names every item of both bundles with the pipeline's step and its assignment, follows the address document to its address, and keeps the personal data apart", () => {
    const [proposal] = proposeCustomers([
      account({
        customerProfiles: [
          {
            ...bundle("BUa", ["ITb", "ITr", "RDa", "BUprimary", "XXunknown"]),
            policySid: POLICY.starterCustomerProfile,
          },
        ],
        trustProducts: [bundle("BUtp", ["ITm", "BUa"])],
        endUsers: [
          { sid: "ITb", type: "customer_profile_business_information", attributes: { business_name: "Ay Inc" } },
          { sid: "ITr", type: "authorized_representative_1", attributes: { first_name: "Jo" } },
          { sid: "ITm", type: "us_a2p_messaging_profile_information", attributes: { company_type: "private" } },
        ],
        supportingDocuments: [{ sid: "RDa", type: "customer_profile_address", addressSids: ["ADa"] }],
        addresses: [
          {
            sid: "ADa",
            customerName: "Ay Inc",
            street: "1 Main St",
            streetSecondary: "",
            city: "Springfield",
            region: "IL",
            postalCode: "62701",
            isoCountry: "US",
          },
        ],
      }),
    ]);
    expect(proposal!.kind).toBe("sole-proprietor");
    expect(proposal!.items).toEqual([
      { step: "business-information", sid: "ITb", assignment: { bundle: "customer-profile", sid: "BVBUaITb" } },
      { step: "representative-1", sid: "ITr", assignment: { bundle: "customer-profile", sid: "BVBUaITr" } },
      { step: "address-document", sid: "RDa", assignment: { bundle: "customer-profile", sid: "BVBUaRDa" } },
      { step: "address", sid: "ADa", assignment: null },
      {
        step: "primary-customer-profile",
        sid: "BUprimary",
        assignment: { bundle: "customer-profile", sid: "BVBUaBUprimary" },
      },
      { step: "messaging-profile", sid: "ITm", assignment: { bundle: "trust-product", sid: "BVBUtpITm" } },
      { step: "customer-profile", sid: "BUa", assignment: { bundle: "trust-product", sid: "BVBUtpBUa" } },
    ]);
    expect(proposal!.personal.address).toEqual({
      customerName: "Ay Inc",
      street: "1 Main St",
      streetSecondary: "",
      city: "Springfield",
      region: "IL",
      postalCode: "62701",
      isoCountry: "US",
    });
    expect(proposal!.personal.endUsers.map((user) => user.type)).toEqual([
      "customer_profile_business_information",
      "authorized_representative_1",
      "us_a2p_messaging_profile_information",
    ]);
    // Nothing personal outside `personal`: the rest is shown on the staff page and in the API.
    const shown: Partial<typeof proposal> = { ...proposal };
    delete shown.personal;
    expect(JSON.stringify(shown)).not.toMatch(/1 Main St|"Jo"/);
  });
});
