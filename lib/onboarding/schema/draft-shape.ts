import { z } from "zod";

import type { ApplicationDraft } from "./application";

/**
 * The shape a draft may have: every field the wizard knows, each of the JSON type its input
 * produces (text, a list of texts, a yes/no), unknown keys dropped. Values may still be invalid —
 * a half-typed EIN is kept — but never of the wrong kind: a string where a list belongs would make
 * the customer's own step fail to render. Two readings of one description: `strict` refuses a
 * wrong kind when a draft is saved; `lenient` reads whatever is stored (older rows, a bad edit)
 * into the right shape, dropping what does not fit, so a page never fails on it.
 */
const TEXT_MAX = 2000;
// Campaign descriptions run to 4096 characters (Twilio's limit): a draft may hold a little more.
const LONG_TEXT_MAX = 8192;
const LIST_MAX = 20;

export type DraftKind = "text" | "longtext" | "texts" | "flag" | { [key: string]: DraftKind };
type Kind = DraftKind;

const representative = {
  firstName: "text",
  lastName: "text",
  email: "text",
  phoneCountry: "text",
  phoneNumber: "text",
  businessTitle: "text",
  jobPosition: "text",
} as const satisfies Record<string, Kind>;

export const DRAFT_SHAPE = {
  business: {
    // "no": a sole proprietor without a tax ID, who has a vertical instead of the business fields.
    hasTaxId: "text",
    vertical: "text",
    businessName: "text",
    businessIdentity: "text",
    businessType: "text",
    businessIndustry: "text",
    registrationIdType: "text",
    registrationIdTypeOther: "text",
    registrationNumber: "text",
    regions: "texts",
    websiteUrl: "text",
    socialMediaUrls: "texts",
  },
  representatives: { primary: representative, hasSecondary: "flag", secondary: representative },
  address: {
    customerName: "text",
    street: "text",
    streetSecondary: "text",
    city: "text",
    region: "text",
    postalCode: "text",
    country: "text",
  },
  company: {
    companyType: "text",
    stockExchange: "text",
    stockTicker: "text",
    brandContactEmail: "text",
    brandType: "text",
  },
} as const satisfies Record<string, Kind>;

const tooLong = `Use at most ${TEXT_MAX} characters.`;

function strictOf(kind: Kind): z.ZodType {
  if (kind === "text") return z.string({ error: "Expected text." }).max(TEXT_MAX, tooLong);
  if (kind === "longtext")
    return z.string({ error: "Expected text." }).max(LONG_TEXT_MAX, `Use at most ${LONG_TEXT_MAX} characters.`);
  if (kind === "texts")
    return z
      .array(z.string({ error: "Expected text." }).max(TEXT_MAX, tooLong), { error: "Expected a list." })
      .max(LIST_MAX, `Use at most ${LIST_MAX} entries.`);
  if (kind === "flag") return z.boolean({ error: "Expected yes or no." });
  return z.strictObject(
    Object.fromEntries(Object.entries(kind).map(([key, inner]) => [key, strictOf(inner).optional()])),
    { error: "Expected a group of fields." },
  );
}

function lenientOf(kind: Kind): z.ZodType {
  if (kind === "text") return z.string().max(TEXT_MAX).optional().catch(undefined);
  if (kind === "longtext") return z.string().max(LONG_TEXT_MAX).optional().catch(undefined);
  if (kind === "texts")
    return z
      .array(z.unknown())
      .transform((items) => items.filter((item): item is string => typeof item === "string" && item.length <= TEXT_MAX))
      .transform((items) => items.slice(0, LIST_MAX))
      .optional()
      .catch(undefined);
  if (kind === "flag") return z.boolean().optional().catch(undefined);
  return z
    .object(Object.fromEntries(Object.entries(kind).map(([key, inner]) => [key, lenientOf(inner)])))
    .optional()
    .catch(undefined);
}

/**
 * Both readings of a draft shape (the onboarding draft here, the campaign draft in
 * lib/campaign/draft.ts): `strict` for saving, `read` for whatever is stored.
 */
export function draftShapeSchemas<Draft>(shape: Record<string, Kind>) {
  const lenient = lenientOf(shape);
  return {
    strict: strictOf(shape) as z.ZodType<Draft>,
    read(stored: unknown): Draft {
      const parsed = lenient.safeParse(stored);
      return dropUndefined(parsed.success && parsed.data ? parsed.data : {}) as Draft;
    },
  };
}

const onboardingDraft = draftShapeSchemas<ApplicationDraft>(DRAFT_SHAPE);

/** For saving: a draft of the wrong shape is refused with the path of what is wrong. */
export const strictDraftSchema = onboardingDraft.strict;

/** For reading: whatever is stored, in the draft's shape. */
export const readDraftShape = onboardingDraft.read;

function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value;
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => inner !== undefined)
        .map(([key, inner]) => [key, dropUndefined(inner)]),
    );
  return value;
}
