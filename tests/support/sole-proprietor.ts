/**
 * A sole proprietor as they type it into the wizard: no tax ID, the brand name and vertical, their
 * own contact with a US mobile number, and an address (Twilio's Sole Proprietor walkthrough).
 */
export const SOLE_PROPRIETOR = {
  business: { hasTaxId: "no", businessName: "Jo's Dog Walking", vertical: "PROFESSIONAL" },
  representatives: {
    primary: {
      firstName: "Jo",
      lastName: "Walker",
      email: "jo@example.com",
      phoneCountry: "US",
      phoneNumber: "(415) 555-0142",
    },
  },
  address: {
    customerName: "Jo Walker",
    street: "12 Elm St",
    streetSecondary: "",
    city: "Springfield",
    region: "IL",
    postalCode: "62701",
    country: "US",
  },
  company: {},
};
