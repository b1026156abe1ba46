import { describe, expect, it } from "vitest";

import { applicationDraftFromTwilio, campaignDraftFromTwilio } from "@/lib/adoption/draft-from-twilio";
import type { ProposedCustomer } from "@/lib/adoption/group";
import { campaignCreateOptions } from "@/lib/campaign/payload";
import { campaignSchema } from "@/lib/campaign/schema";
import {
  parseApplication,
  type SoleProprietorApplication,
  type StandardApplication,
} from "@/lib/onboarding/schema/application";
import {
  addressParams,
  businessInformationAttributes,
  messagingProfileAttributes,
  representativeAttributes,
  soleProprietorAttributes,
  starterProfileAttributes,
} from "@/lib/trusthub/payloads";

import { ACME } from "../../support/acme";
import { SOLE_PROPRIETOR } from "../../support/sole-proprietor";

/**
 * The draft an adopted customer starts with is the inverse of what the portal sends Twilio: an
 * application sent through the payloads and read back parses to the same application.
 */
const customer = (kind: ProposedCustomer["kind"], personal: ProposedCustomer["personal"], brand = true) =>
  ({
    accountSid: "AC1",
    ownsAccount: false,
    name: "fallback name",
    registrationNumber: null,
    kind,
    customerProfile: { sid: "BU1", status: "twilio-approved" },
    trustProduct: null,
    shakenStir: null,
    items: [],
    brand: brand
      ? {
          sid: "BN1",
          status: "APPROVED",
          identityStatus: "VERIFIED",
          brandType: "STANDARD",
          skipAutomaticSecVet: true,
          details: {},
        }
      : null,
    services: [],
    campaign: null,
    phoneNumbers: [],
    personal,
  }) satisfies ProposedCustomer;

const addressOf = (app: StandardApplication | SoleProprietorApplication) => {
  const params = addressParams(app, "app1");
  return {
    customerName: params.customerName,
    street: params.street,
    streetSecondary: params.streetSecondary ?? "",
    city: params.city,
    region: params.region,
    postalCode: params.postalCode,
    isoCountry: params.isoCountry,
  };
};

describe("an adopted customer's draft from what Twilio holds", () => {
  it("reads a Standard brand's end users and address back into the application the portal would have sent", () => {
    const withSecond = {
      ...ACME,
      company: { ...ACME.company, brandType: "LOW_VOLUME_STANDARD" },
      representatives: {
        ...ACME.representatives,
        hasSecondary: true,
        secondary: {
          ...ACME.representatives.primary,
          firstName: "John",
          email: "john@example.com",
          phoneNumber: "(415) 555-0100",
        },
      },
    };
    const sent = parseApplication(withSecond);
    expect(sent.success).toBe(true);
    const app = sent.data as StandardApplication;
    const draft = applicationDraftFromTwilio(
      customer("standard", {
        endUsers: [
          { type: "customer_profile_business_information", attributes: businessInformationAttributes(app) },
          { type: "authorized_representative_1", attributes: representativeAttributes(app.representatives.primary) },
          { type: "authorized_representative_2", attributes: representativeAttributes(app.representatives.secondary!) },
          { type: "us_a2p_messaging_profile_information", attributes: messagingProfileAttributes(app) },
        ],
        address: addressOf(app),
      }),
    );
    const read = parseApplication(draft);
    expect(read.error?.issues ?? []).toEqual([]);
    expect(read.data).toEqual(app);
  });

  it("reads a Sole Proprietor's Starter profile and trust product back", () => {
    const sent = parseApplication(SOLE_PROPRIETOR);
    expect(sent.success).toBe(true);
    const app = sent.data as SoleProprietorApplication;
    const draft = applicationDraftFromTwilio(
      customer(
        "sole-proprietor",
        {
          endUsers: [
            { type: "starter_customer_profile_information", attributes: starterProfileAttributes(app) },
            { type: "sole_proprietor_information", attributes: soleProprietorAttributes(app) },
          ],
          address: addressOf(app),
        },
        false,
      ),
    );
    expect(parseApplication(draft).data).toEqual(app);
  });

  it("leaves the brand type for someone to choose when Twilio holds no brand yet, and keeps what is missing empty", () => {
    const draft = applicationDraftFromTwilio(customer("standard", { endUsers: [], address: null }, false));
    expect(draft.company).not.toHaveProperty("brandType");
    expect(draft.business).toMatchObject({ businessName: "fallback name", regions: [] });
    const read = parseApplication(draft);
    expect(read.success).toBe(false);
    expect(read.error!.issues.map((issue) => issue.path.join("."))).toContain("company.brandType");
  });

  it("reads a campaign back into the campaign form's draft", () => {
    const campaign = campaignSchema.parse({
      usAppToPersonUsecase: "ACCOUNT_NOTIFICATION",
      description: "Order notifications for customers who asked for text updates about their orders.",
      messageFlow: "Customers opt in on our website checkout form by ticking a box. Reply HELP for help.",
      sample1: "Acme: your order [number] is ready for pickup. Reply STOP to opt out.",
      sample2: "Acme: your order [number] has shipped and arrives on [date].",
      optInKeywords: "START, YES",
      optInMessage: "Acme: you are subscribed to order updates. Reply STOP to opt out.",
      optOutKeywords: "STOP",
      optOutMessage: "",
      helpKeywords: "",
      helpMessage: "",
      hasEmbeddedLinks: true,
      hasEmbeddedPhone: false,
      ageGated: false,
      directLending: false,
      privacyPolicyUrl: "https://acme.example/privacy",
      termsAndConditionsUrl: "",
    });
    const sent = campaignCreateOptions(campaign, "BN1");
    const draft = campaignDraftFromTwilio(sent.usAppToPersonUsecase, {
      description: sent.description,
      messageFlow: sent.messageFlow,
      messageSamples: sent.messageSamples,
      hasEmbeddedLinks: sent.hasEmbeddedLinks,
      hasEmbeddedPhone: sent.hasEmbeddedPhone,
      ageGated: sent.ageGated,
      directLending: sent.directLending,
      optInMessage: sent.optInMessage ?? "",
      optOutMessage: sent.optOutMessage ?? "",
      helpMessage: sent.helpMessage ?? "",
      optInKeywords: sent.optInKeywords ?? [],
      optOutKeywords: sent.optOutKeywords ?? [],
      helpKeywords: sent.helpKeywords ?? [],
      privacyPolicyUrl: sent.privacyPolicyUrl ?? "",
      termsAndConditionsUrl: sent.termsAndConditionsUrl ?? "",
    });
    expect(campaignSchema.parse(draft)).toEqual(campaign);
  });
});
