import "server-only";

import {
  defaultEmailText,
  EMAIL_KINDS,
  emailTextProblems,
  renderEmailText,
  type EmailKind,
  type EmailText,
} from "@/lib/email-texts/kinds";

import { audit } from "../audit/audit";
import { db } from "../db";
import { absoluteUrl } from "../mail/send-mail";
import { getIsvSettings } from "../settings/isv-settings";

/** The wording used for a kind now: the administrator's, or the portal's own. */
export async function emailTextFor(kind: EmailKind): Promise<EmailText & { edited: boolean }> {
  const row = await db.emailText.findUnique({ where: { kind } });
  return row ? { subject: row.subject, body: row.body, edited: true } : { ...defaultEmailText(kind), edited: false };
}

export type MailFacts = { subject: string; details: string[]; link: string; organization: string };

/**
 * An email of this kind with these facts, in the wording used now, ready to send. When the wording
 * or the settings cannot be read, the portal's own wording goes: a mail is never lost to them.
 */
export async function composeMail(
  kind: EmailKind,
  facts: MailFacts,
  text?: EmailText,
): Promise<{ subject: string; text: string }> {
  const [wording, isv] = await Promise.all([
    text ?? emailTextFor(kind).catch(() => defaultEmailText(kind)),
    getIsvSettings().catch(() => ({ portalName: "Onboarding Portal", supportEmail: null })),
  ]);
  const rendered = renderEmailText(wording, {
    subject: facts.subject,
    details: facts.details.join("\n"),
    link: facts.link,
    organization: facts.organization,
    portalName: isv.portalName,
    supportEmail: isv.supportEmail ?? "",
  });
  return { subject: rendered.subject, text: rendered.body };
}

/** The kind's sample email in a wording not yet saved (the editor's preview). */
export function previewMail(kind: EmailKind, text: EmailText) {
  const { sample } = EMAIL_KINDS[kind];
  return composeMail(
    kind,
    {
      subject: sample.subject,
      details: [...sample.details],
      link: absoluteUrl(sample.path),
      organization: "Acme Plumbing",
    },
    text,
  );
}

export type SaveEmailTextResult = { ok: true } | { ok: false; problems: Partial<Record<keyof EmailText, string>> };

export async function saveEmailText(
  kind: EmailKind,
  text: EmailText,
  adminUserId: string,
): Promise<SaveEmailTextResult> {
  const problems = emailTextProblems(text);
  if (Object.keys(problems).length) return { ok: false, problems };
  const data = { subject: text.subject.trim(), body: text.body.replace(/\r\n/g, "\n"), updatedById: adminUserId };
  await db.emailText.upsert({ where: { kind }, create: { kind, ...data }, update: data });
  await audit(db, { actorUserId: adminUserId, action: "email_text.updated", targetType: "EmailText", targetId: kind });
  return { ok: true };
}

/** Back to the portal's own wording. */
export async function resetEmailText(kind: EmailKind, adminUserId: string): Promise<void> {
  await db.emailText.deleteMany({ where: { kind } });
  await audit(db, { actorUserId: adminUserId, action: "email_text.reset", targetType: "EmailText", targetId: kind });
}
