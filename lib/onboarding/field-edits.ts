import { stepSchemaFor, type ApplicationDraft, type FormStepId } from "@/lib/onboarding/schema/application";

/**
 * The fields of an application that staff may comment on or correct, by path: exactly the rows
 * the review sections show, nothing else. A path is looked up in this table, never walked into the
 * draft as given, so `__proto__`, `constructor.prototype` or an unknown name cannot reach an object.
 */
type FieldKind = "text" | "list";
export type EditableField = { path: string; step: FormStepId; key: readonly string[]; kind: FieldKind };

const REPRESENTATIVE_KEYS = ["firstName", "lastName", "email", "phoneNumber", "businessTitle", "jobPosition"];

const fields: EditableField[] = [
  ...[
    "businessName",
    "businessIdentity",
    "businessType",
    "businessIndustry",
    "registrationIdType",
    "registrationIdTypeOther",
    "registrationNumber",
    "websiteUrl",
  ].map((key) => text("business", [key])),
  list("business", ["regions"]),
  list("business", ["socialMediaUrls"]),
  ...["primary", "secondary"].flatMap((who) => REPRESENTATIVE_KEYS.map((key) => text("representatives", [who, key]))),
  ...["customerName", "street", "streetSecondary", "city", "region", "postalCode", "country"].map((key) =>
    text("address", [key]),
  ),
  ...["companyType", "stockExchange", "stockTicker", "brandContactEmail", "brandType"].map((key) =>
    text("company", [key]),
  ),
];

function text(step: FormStepId, key: string[]): EditableField {
  return { path: `${step}.${key.join(".")}`, step, key, kind: "text" };
}
function list(step: FormStepId, key: string[]): EditableField {
  return { path: `${step}.${key.join(".")}`, step, key, kind: "list" };
}

export const EDITABLE_FIELDS: ReadonlyMap<string, EditableField> = new Map(fields.map((field) => [field.path, field]));
export const EDITABLE_FIELD_PATHS = [...EDITABLE_FIELDS.keys()] as [string, ...string[]];

export function isEditableField(path: string): boolean {
  return EDITABLE_FIELDS.has(path);
}

export type FieldEdit = { ok: true; draft: ApplicationDraft } | { ok: false; message: string };

/**
 * The draft with one field set to what staff typed, checked against that field's own rules in the
 * step's schema (the same schema the customer's form uses). A list is typed comma-separated.
 * The draft given is not changed.
 */
export function applyFieldEdit(draft: ApplicationDraft, path: string, typed: string): FieldEdit {
  const field = EDITABLE_FIELDS.get(path);
  if (!field) return { ok: false, message: "This field cannot be corrected here." };
  const value =
    field.kind === "list"
      ? typed
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean)
      : typed;
  const step = { ...(plainObject(draft[field.step]) ?? {}) } as Record<string, unknown>;
  if (field.key.length === 2) {
    const [group, key] = field.key as [string, string];
    step[group] = { ...(plainObject(step[group]) ?? {}), [key]: value };
  } else {
    step[field.key[0]!] = value;
  }
  const parsed = stepSchemaFor(field.step, { ...draft, [field.step]: step }).safeParse(step);
  if (!parsed.success) {
    // An issue on the field itself, or on one entry of a list field.
    const problem = parsed.error.issues.find((issue) =>
      field.key.every((part, index) => String(issue.path[index]) === part),
    );
    if (problem) return { ok: false, message: problem.message };
  }
  return { ok: true, draft: { ...draft, [field.step]: step } };
}

function plainObject(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
