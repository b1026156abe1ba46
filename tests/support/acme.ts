/**
 * The seeds' Acme, Inc. (seed 000, steps 1.2, 1.4, 1.6 and 2.2) as a customer types it into the
 * wizard. The same values the seeds send to Twilio, in the wizard's own fields.
 */
export const ACME = {
  business: {
    businessName: "Acme, Inc.",
    businessIdentity: "direct_customer",
    businessType: "Partnership",
    businessIndustry: "EDUCATION",
    registrationIdType: "EIN",
    registrationIdTypeOther: "",
    registrationNumber: "12-3456789",
    regions: ["USA_AND_CANADA"],
    websiteUrl: "www.example.com",
    socialMediaUrls: ["https://example.com/acme-social-media-profile"],
  },
  representatives: {
    primary: {
      firstName: "Jane",
      lastName: "Doe",
      email: "jdoe@example.com",
      phoneCountry: "US",
      phoneNumber: "(222) 555-7890",
      businessTitle: "CEO",
      jobPosition: "CEO",
    },
    hasSecondary: false,
  },
  address: {
    customerName: "Acme, Inc.",
    street: "1234 Market St",
    streetSecondary: "",
    city: "San Fransisco",
    region: "CA",
    postalCode: "12345",
    country: "US",
  },
  company: {
    companyType: "public",
    stockExchange: "NYSE",
    stockTicker: "ACME",
    brandContactEmail: "ir@acme.example",
    brandType: "STANDARD",
  },
};
