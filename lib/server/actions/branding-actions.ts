"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { fail, ok, type ActionResult } from "@/lib/action-result";
import { EMAIL_KIND_IDS, emailTextProblems, type EmailKind } from "@/lib/email-texts/kinds";

import { requireAdmin } from "../auth/guards";
import { emailTextFor, previewMail, resetEmailText, saveEmailText } from "../email-texts/email-texts";
import { brandedMailHtml } from "../mail/send-mail";
import { saveBranding } from "../settings/branding";
import { defineAction, defineFormAction } from "./define-action";

const brandingSchema = z.object({
  brandColor: z.string({ error: "Enter a colour as #rrggbb, like #2447c4." }).max(20),
  removeLogo: z.boolean().default(false),
  logo: z.instanceof(File).nullable(),
});

const updateBranding = defineAction(requireAdmin, brandingSchema, async (input, admin) => {
  const logo = input.logo && input.logo.size > 0 ? new Uint8Array(await input.logo.arrayBuffer()) : undefined;
  const saved = await saveBranding(
    { brandColor: input.brandColor || null, logo, removeLogo: input.removeLogo },
    admin.id,
  );
  if (!saved.ok) return fail("Please correct the highlighted fields.", { [saved.field]: [saved.message] });
  revalidatePath("/", "layout");
  return ok(undefined);
});

export type BrandingFormState = (ActionResult & { values?: { brandColor: string } }) | null;

/** The administrator's brand colour and logo (a form with a file: the generic form action reads text only). */
export async function updateBrandingAction(
  _previous: BrandingFormState,
  formData: FormData,
): Promise<BrandingFormState> {
  // A form posts FormData; a script may post a plain object (no file then).
  const get = (name: string): unknown =>
    formData instanceof FormData ? formData.get(name) : (formData as Record<string, unknown> | null)?.[name];
  // The form always posts the field (empty for the portal's own colour); the schema refuses anything else.
  const brandColor = get("brandColor");
  const logo = get("logo");
  const result = await updateBranding({
    brandColor: brandColor as string,
    removeLogo: get("removeLogo") === "on",
    logo: logo instanceof File ? logo : null,
  });
  return { ...result, values: { brandColor: typeof brandColor === "string" ? brandColor : "" } };
}

const emailTextSchema = z.object({
  kind: z.enum(EMAIL_KIND_IDS as [string, ...string[]]),
  subject: z.string().max(1000).default(""),
  body: z.string().max(20_000).default(""),
  intent: z.enum(["preview", "save", "reset"]).default("preview"),
});

export type EmailTextOutcome = { intent: "preview" | "save" | "reset"; subject: string; text: string; html: string };

/**
 * An administrator's wording of one kind of email: previewed with a sample (nothing saved), saved,
 * or reset to the portal's own. The preview is what a customer would receive, text and HTML.
 */
export const emailTextAction = defineFormAction(requireAdmin, emailTextSchema, async (input, admin) => {
  const kind = input.kind as EmailKind;
  const typed = { subject: input.subject, body: input.body };
  if (input.intent === "reset") await resetEmailText(kind, admin.id);
  if (input.intent === "save" || input.intent === "preview") {
    const problems = emailTextProblems(typed);
    if (Object.keys(problems).length)
      return fail(
        "Please correct the highlighted fields.",
        Object.fromEntries(Object.entries(problems).map(([field, message]) => [field, [message]])),
      );
  }
  if (input.intent === "save") await saveEmailText(kind, typed, admin.id);
  if (input.intent !== "preview") revalidatePath(`/staff/emails/${kind}`);
  const mail = await previewMail(kind, input.intent === "preview" ? typed : await emailTextFor(kind));
  return ok<EmailTextOutcome>({ intent: input.intent, ...mail, html: await brandedMailHtml(mail.text) });
});
