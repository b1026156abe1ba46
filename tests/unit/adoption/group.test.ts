import { describe, expect, it } from "vitest";

import { proposeCustomers, type InventoryAccount } from "@/lib/adoption/group";

const bundle = (sid: string, entitySids: string[], friendlyName = `${sid} Secondary Customer Profile`) => ({
  sid,
  friendlyName,
  status: "twilio-approved",
  policySid: "RN0",
  entitySids,
});
const account = (overrides: Partial<InventoryAccount>): InventoryAccount => ({
  accountSid: "AC1",
  isIsv: false,
  friendlyName: "",
  customerProfiles: [],
  trustProducts: [],
  endUsers: [],
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
            customerProfileBundleSid: "BUa",
            a2pProfileBundleSid: "BUtp",
          },
        ],
        services: [
          {
            sid: "MG1",
            friendlyName: "main",
            campaigns: [{ sid: "QE1", status: "VERIFIED", brandRegistrationSid: "BN1", usecase: "MIXED" }],
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
      phoneNumbers: ["+12015550100", "+12015550101"],
    });
  });
});
