import type { CampaignInput } from "@/lib/campaign/schema";

/**
 * The campaign form's fields, in the order the form shows them, with Twilio's names as labels
 * (Messaging v1 UsAppToPerson) and plain help. One table for the customer's form, the staff review
 * (comments and corrections name these keys), the draft's stored shape and Twilio's error mapping.
 */
export type CampaignFieldKey = keyof CampaignInput & string;
export type CampaignFieldKind = "usecase" | "text" | "longtext" | "keywords" | "flag" | "url";

export type CampaignField = {
  key: CampaignFieldKey;
  label: string;
  kind: CampaignFieldKind;
  help: string;
  /** Twilio's parameter, as its errors name it (`fields: ["MESSAGE_FLOW"]`). */
  twilioName: string;
};

export const CAMPAIGN_FIELDS: readonly CampaignField[] = [
  {
    key: "usAppToPersonUsecase",
    label: "Use Case",
    kind: "usecase",
    help: "What your messages are for. Twilio offers the use cases your brand may register.",
    twilioName: "us_app_to_person_usecase",
  },
  {
    key: "description",
    label: "Description",
    kind: "longtext",
    help: "What this campaign sends, to whom and why, in 40 to 4096 characters. Reviewers read it against your samples.",
    twilioName: "description",
  },
  {
    key: "messageFlow",
    label: "Message Flow",
    kind: "longtext",
    help: "Where and how people agree to get your messages (the web page and its address, the keyword they text, the paper form), that message and data rates may apply, how often messages come, and how to get help. 40 to 2048 characters.",
    twilioName: "message_flow",
  },
  ...([1, 2, 3, 4, 5] as const).map((n): CampaignField => ({
    key: `sample${n}`,
    label: `Sample Message ${n}`,
    kind: "longtext",
    help:
      n <= 2
        ? "A message exactly as you will send it, 20 to 1024 characters. Name your business; write the parts that change in [brackets]."
        : "Optional: another kind of message this campaign sends.",
    twilioName: "message_samples",
  })),
  {
    key: "optInKeywords",
    label: "Opt-in Keywords",
    kind: "keywords",
    help: "Words people text to subscribe, separated by commas (for example START, YES).",
    twilioName: "opt_in_keywords",
  },
  {
    key: "optInMessage",
    label: "Opt-in Message",
    kind: "text",
    help: "Your reply when someone subscribes, 20 to 320 characters.",
    twilioName: "opt_in_message",
  },
  {
    key: "optOutKeywords",
    label: "Opt-out Keywords",
    kind: "keywords",
    help: "Words that unsubscribe, separated by commas (for example STOP, CANCEL).",
    twilioName: "opt_out_keywords",
  },
  {
    key: "optOutMessage",
    label: "Opt-out Message",
    kind: "text",
    help: "Your reply when someone unsubscribes, 20 to 320 characters.",
    twilioName: "opt_out_message",
  },
  {
    key: "helpKeywords",
    label: "Help Keywords",
    kind: "keywords",
    help: "Words that ask for help, separated by commas (for example HELP, INFO).",
    twilioName: "help_keywords",
  },
  {
    key: "helpMessage",
    label: "Help Message",
    kind: "text",
    help: "Your reply to HELP: your business name and how to reach you, 20 to 320 characters.",
    twilioName: "help_message",
  },
  {
    key: "hasEmbeddedLinks",
    label: "Embedded links",
    kind: "flag",
    help: "Tick if messages contain web links.",
    twilioName: "has_embedded_links",
  },
  {
    key: "hasEmbeddedPhone",
    label: "Embedded phone numbers",
    kind: "flag",
    help: "Tick if messages contain phone numbers.",
    twilioName: "has_embedded_phone",
  },
  {
    key: "ageGated",
    label: "Age-gated content",
    kind: "flag",
    help: "Tick if messages are about age-restricted products such as alcohol, which must be federally legal.",
    twilioName: "age_gated",
  },
  {
    key: "directLending",
    label: "Direct lending",
    kind: "flag",
    help: "Tick if messages are about loans you arrange or provide.",
    twilioName: "direct_lending",
  },
  {
    key: "privacyPolicyUrl",
    label: "Privacy Policy URL",
    kind: "url",
    help: "The https address of your privacy policy, which should say you do not share mobile numbers.",
    twilioName: "privacy_policy_url",
  },
  {
    key: "termsAndConditionsUrl",
    label: "Terms and Conditions URL",
    kind: "url",
    help: "The https address of your messaging terms.",
    twilioName: "terms_and_conditions_url",
  },
];

export const CAMPAIGN_FIELD_KEYS = CAMPAIGN_FIELDS.map((field) => field.key) as [
  CampaignFieldKey,
  ...CampaignFieldKey[],
];

const byKey = new Map(CAMPAIGN_FIELDS.map((field) => [field.key, field]));

export function campaignField(key: string): CampaignField | undefined {
  return byKey.get(key as CampaignFieldKey);
}

export const campaignFieldLabel = (key: string) => campaignField(key)?.label ?? key;

/** Staff comments and Twilio's errors are kept under `campaign.<key>`, next to the onboarding's paths. */
export const CAMPAIGN_PATH_PREFIX = "campaign.";
export const campaignPath = (key: CampaignFieldKey) => `${CAMPAIGN_PATH_PREFIX}${key}`;
