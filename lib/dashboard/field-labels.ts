import { reviewSections } from "@/lib/onboarding/review-sections";
import type { ApplicationDraft } from "@/lib/onboarding/schema/application";

// Every field the wizard can show (second representative and public-company fields included).
const EVERY_FIELD = {
  representatives: { hasSecondary: true },
  company: { companyType: "public" },
} as unknown as ApplicationDraft;

// A sole proprietor's fields (vertical, mobile phone) besides a Standard application's; the
// Standard label wins where both have the field.
const SOLE_PROPRIETOR = { business: { hasTaxId: "no" } } as unknown as ApplicationDraft;

const LABELS = new Map<string, string>(
  [...reviewSections(SOLE_PROPRIETOR), ...reviewSections(EVERY_FIELD)].flatMap((section) =>
    section.rows.map((row) => [`${section.step}.${row.field}`, `${section.title}: ${row.label}`] as const),
  ),
);

/** "business.websiteUrl" → "Business information: Website URL". */
export const fieldLabel = (path: string) => LABELS.get(path) ?? path;

/** The wizard page that opens with this field focused (the step is the path's first part). */
export const wizardFieldHref = (path: string) => `/onboarding/${path.split(".")[0]}?field=${encodeURIComponent(path)}`;
