/** The Trust Hub policies the portal uses, with their requirements as seed 001 shows them. */
export const SECONDARY_CUSTOMER_PROFILE_POLICY = "RNdfbf3fae0e1107f8aded0e7cead80bf5";
export const A2P_MESSAGING_PROFILE_POLICY = "RNb0d4771c2c98518d916a3d4cd70a8f8b";
export const SHAKEN_STIR_POLICY = "RN7a97559effdf62d00f4298208492a5ea";
// Sole Proprietor brands: Twilio's "API: Create a Starter Profile" and its Sole Proprietor ISV
// walkthrough (twilio.com/docs/messaging/compliance/a2p-10dlc/onboarding-isv-api-sole-prop-new).
export const STARTER_CUSTOMER_PROFILE_POLICY = "RN806dd6cd175f314e1f96a9727ee271f4";
export const SOLE_PROPRIETOR_A2P_POLICY = "RN670d5d2e282a6130ae063b234b6019c8";

const addressDocument = [
  [
    {
      description: "Customer Profile HQ Physical Address",
      type: "document",
      name: "Physical Business Address",
      accepted_documents: [
        {
          url: "/SupportingDocumentTypes/customer_profile_address",
          fields: ["address_sids"],
          type: "customer_profile_address",
          name: "Physical Business Address",
        },
      ],
      requirement_name: "customer_profile_address",
    },
  ],
];

const representative = (n: 1 | 2) => ({
  url: `/EndUserTypes/authorized_representative_${n}`,
  fields: ["first_name", "last_name", "email", "phone_number", "business_title", "job_position"],
  type: `authorized_representative_${n}`,
  name: `Authorized Representative ${n}`,
  requirement_name: `authorized_representative_${n}`,
});

export const POLICIES: Record<string, { friendly_name: string; requirements: Record<string, unknown> }> = {
  [SECONDARY_CUSTOMER_PROFILE_POLICY]: {
    friendly_name: "Secondary Customer Profile of type Business",
    requirements: {
      end_user: [
        {
          url: "/EndUserTypes/customer_profile_business_information",
          fields: [
            "business_type",
            "business_registration_number",
            "business_name",
            "business_registration_identifier",
            "business_identity",
            "business_industry",
            "website_url",
            "business_regions_of_operation",
            "social_media_profile_urls",
          ],
          type: "customer_profile_business_information",
          name: "Business Information",
          requirement_name: "customer_profile_business_information",
        },
        representative(1),
        representative(2),
      ],
      supporting_trust_products: [],
      supporting_document: addressDocument,
      supporting_customer_profiles: [
        { name: "Primary Customer Profile", requirement_name: "primary_customer_profile" },
      ],
    },
  },
  [STARTER_CUSTOMER_PROFILE_POLICY]: {
    friendly_name: "Starter Customer Profile",
    requirements: {
      end_user: [
        {
          url: "/EndUserTypes/starter_customer_profile_information",
          fields: ["first_name", "last_name", "email", "phone_number"],
          type: "starter_customer_profile_information",
          name: "Starter Customer Profile Information",
          requirement_name: "starter_customer_profile_information",
        },
      ],
      supporting_trust_products: [],
      supporting_document: addressDocument,
      supporting_customer_profiles: [
        { name: "Primary Customer Profile", requirement_name: "primary_customer_profile" },
      ],
    },
  },
  [SOLE_PROPRIETOR_A2P_POLICY]: {
    friendly_name: "Sole Proprietor A2P Messaging Profile",
    requirements: {
      end_user: [
        {
          url: "/EndUserTypes/sole_proprietor_information",
          fields: ["brand_name", "vertical", "mobile_phone_number"],
          type: "sole_proprietor_information",
          name: "Sole Proprietor Information",
          requirement_name: "sole_proprietor_information",
        },
      ],
      supporting_trust_products: [],
      supporting_document: [],
      supporting_customer_profiles: [{ name: "Starter Customer Profile", requirement_name: "customer_profile" }],
    },
  },
  [A2P_MESSAGING_PROFILE_POLICY]: {
    friendly_name: "A2P Messaging Profile",
    requirements: {
      end_user: [
        {
          url: "/EndUserTypes/us_a2p_messaging_profile_information",
          fields: ["company_type", "stock_exchange", "stock_ticker", "brand_contact_email"],
          type: "us_a2p_messaging_profile_information",
          name: "US A2P Messaging Profile Information",
          requirement_name: "us_a2p_messaging_profile_information",
        },
      ],
      supporting_trust_products: [],
      supporting_document: [],
      supporting_customer_profiles: [{ name: "Secondary Customer Profile", requirement_name: "customer_profile" }],
    },
  },
  [SHAKEN_STIR_POLICY]: {
    friendly_name: "SHAKEN/STIR Trust Product",
    requirements: {
      end_user: [],
      supporting_trust_products: [],
      supporting_document: [],
      supporting_customer_profiles: [{ name: "Secondary Customer Profile", requirement_name: "customer_profile" }],
    },
  },
};

export function renderPolicy(sid: string) {
  const policy = POLICIES[sid];
  if (!policy) return null;
  return {
    sid,
    friendly_name: policy.friendly_name,
    requirements: policy.requirements,
    url: `https://trusthub.twilio.com/v1/Policies/${sid}`,
  };
}
