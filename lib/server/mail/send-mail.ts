import "server-only";

import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

import { brandedHtml } from "@/lib/email/branded-html";
import { describeErrorForLog } from "@/lib/logging/redact";

import { env } from "../env";
import { getIsvSettings } from "../settings/isv-settings";

export type Mail = { to: string; subject: string; text: string };
type SentMail = Mail & { html?: string };
/** How the mail left: by SMTP, into the local outbox folder, or only into the development log. */
export type MailDelivery = "smtp" | "outbox" | "log" | "not-sent";

/**
 * Sends a mail by SMTP when SMTP_URL is set. Without it, MAIL_OUTBOX_DIR keeps each mail as a JSON
 * file (handy for demos and tests), and development prints it to the server log. A failure to send
 * never fails the caller: staff can always copy the link from the screen.
 */
export async function sendMail(mail: Mail): Promise<MailDelivery> {
  try {
    return await deliverMail(mail);
  } catch (error) {
    console.error("[mail] sending failed:", describeErrorForLog(error));
    return "not-sent";
  }
}

/** Sends a mail as sendMail does, but a failure throws: the mail job's engine retries it. */
export async function deliverMail(plain: Mail): Promise<MailDelivery> {
  const settings = env();
  const mail: SentMail = { ...plain, html: await htmlOf(plain) };
  if (settings.SMTP_URL) {
    await nodemailer.createTransport(settings.SMTP_URL).sendMail({ from: settings.MAIL_FROM, ...mail });
    return "smtp";
  }
  if (settings.MAIL_OUTBOX_DIR) {
    await mkdir(settings.MAIL_OUTBOX_DIR, { recursive: true });
    const file = path.join(settings.MAIL_OUTBOX_DIR, `${Date.now()}-${randomUUID()}.json`);
    await writeFile(
      file,
      JSON.stringify({ from: settings.MAIL_FROM, ...mail, sentAt: new Date().toISOString() }, null, 2),
    );
    return "outbox";
  }
  if (settings.NODE_ENV === "development") {
    console.info(
      `[mail] (development: not sent, SMTP_URL is not set)\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`,
    );
    return "log";
  }
  // Outside development the body may hold a sign-in link: do not log it.
  console.warn(`[mail] not sent: SMTP_URL is not set (subject: ${mail.subject})`);
  return "not-sent";
}

export function absoluteUrl(pathname: string): string {
  return new URL(pathname, env().APP_URL).toString();
}

/** A mail's text as its HTML twin, in the ISV's name, logo and colour (#28 line 5). */
export async function brandedMailHtml(text: string): Promise<string> {
  const isv = await getIsvSettings();
  return brandedHtml(text, {
    portalName: isv.portalName,
    logoUrl: absoluteUrl(isv.logoUrl),
    brandColor: isv.brandColor,
    supportEmail: isv.supportEmail,
  });
}

/** The mail's HTML twin; without it (settings unreadable) the text goes alone. */
async function htmlOf(mail: Mail): Promise<string | undefined> {
  try {
    return await brandedMailHtml(mail.text);
  } catch (error) {
    console.error("[mail] branding unavailable, sending text only:", describeErrorForLog(error));
    return undefined;
  }
}
