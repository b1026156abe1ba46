import "server-only";

import type { Prisma } from "@prisma/client";

import {
  awaitedVerification,
  isTwoFactorCode,
  onlyTwoFactorRetryNeeded,
  RESEND_SPACING_MS,
  VERIFICATION_WINDOW_MS,
  verificationExpiresAt,
  verificationMethodFor,
  verificationMethodForDraft,
  verificationState,
  type VerificationMethod,
} from "@/lib/brand/verification";
import type { BrandVerificationView } from "@/lib/brand/views";
import { formatUsd, TWILIO_FEES } from "@/lib/campaign/twilio-fees";
import { describeErrorForLog } from "@/lib/logging/redact";
import { parseApplication } from "@/lib/onboarding/schema/application";
import { brandDetailsOf } from "@/lib/trusthub/ledger-details";

import { loadApplication } from "../applications/load-application";
import { audit } from "../audit/audit";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { emailCustomerUsers } from "../notifications/email-customer-users";
import { resendBrandOtp, retriggerBrand2fa } from "../twilio/brands";
import { accountBySid } from "../twilio/client";
import { emitWebhookEvent } from "../webhooks/emit-event";

type Outcome = { ok: true } | { ok: false; message: string };

const brandOf = (applicationId: string) =>
  db.twilioResource.findUnique({ where: { applicationId_step: { applicationId, step: "brand" } } });

/**
 * Starts the verification's clock when Twilio's news shows the brand waiting for it (see
 * awaitedVerification: a Sole Proprietor's code is texted when the brand becomes APPROVED with its
 * identity unverified; Authentication+ waits while Twilio reports 30994), whoever brought the news:
 * the brand step's create answer, an event or the sync. Once per brand and method.
 */
export async function noteAwaitedVerification(
  applicationId: string,
  brand: { sid: string; status: string | null; details: unknown },
): Promise<void> {
  const loaded = await loadApplication(applicationId);
  if (!loaded) return;
  const details = brandDetailsOf(brand.details);
  const awaited = awaitedVerification(verificationMethodForDraft(loaded.draft), {
    status: brand.status,
    identityStatus: details.identityStatus,
    errorCodes: details.errors.map((error) => error.code),
    mock: details.mock === true,
  });
  if (awaited) await recordVerificationSent(applicationId, awaited, brand.sid);
}

/** The portal's clock for a verification Twilio has just sent (once; a replay keeps the first time). */
async function recordVerificationSent(
  applicationId: string,
  method: VerificationMethod,
  brandSid: string,
): Promise<void> {
  const known = await db.brandVerification.findUnique({ where: { applicationId_method: { applicationId, method } } });
  if (known) return;
  try {
    await db.brandVerification.create({ data: { applicationId, method, brandSid, sentAt: new Date() } });
  } catch (error) {
    // Another worker recorded it first (and told the customer).
    if ((error as { code?: string }).code === "P2002") return;
    throw error;
  }
  await tellCustomer(applicationId, method, "sent");
  const application = await db.onboardingApplication.findUnique({
    where: { id: applicationId },
    select: { organizationId: true },
  });
  if (application)
    await emitWebhookEvent("brand.verification_needed", application.organizationId, {
      brand: { sid: brandSid },
      verification: { method },
    });
}

const MESSAGES: Record<
  VerificationMethod,
  Record<"sent" | "resent" | "expired", { subject: string; lines: string[] }>
> = {
  "sms-otp": {
    sent: {
      subject: "Reply to the text from Twilio within 24 hours",
      lines: [
        "Your Sole Proprietor brand is approved. Twilio has texted your mobile number from +1 (915) 278-2000:",
        '"Please confirm your registration for US A2P Messaging by replying YES." Reply YES within 24 hours',
        "to verify your brand; your campaign can start once it is verified. See its state here:",
      ],
    },
    resent: {
      subject: "A new code is on its way to your mobile phone",
      lines: ["Twilio is texting a new one-time code to your mobile. Reply to it within 24 hours:"],
    },
    expired: {
      subject: "Your one-time code expired: ask for a new one",
      lines: [
        "The code texted to your mobile was not confirmed within 24 hours, so your brand is not verified yet.",
        'Open your home page and choose "Send the code again", then reply to the new text within 24 hours:',
      ],
    },
  },
  "email-2fa": {
    sent: {
      subject: "Watch for The Campaign Registry's verification email",
      lines: [
        "Your brand is registered. As a public company it passes Authentication+: The Campaign Registry",
        "emails a verification link to your brand contact address. Click it within 7 days; until then",
        "your campaign cannot start. See its state here:",
      ],
    },
    resent: {
      subject: "The verification email was sent again",
      lines: ["We asked The Campaign Registry to send the verification email again. Click its link within 7 days:"],
    },
    expired: {
      subject: "Your brand's verification link expired",
      lines: [
        "The verification link emailed to your brand contact was not clicked within 7 days, so your brand is",
        "not verified and its campaign cannot start. Contact us and we send a new email:",
      ],
    },
  },
};

async function tellCustomer(applicationId: string, method: VerificationMethod, what: "sent" | "resent" | "expired") {
  const application = await db.onboardingApplication.findUnique({
    where: { id: applicationId },
    select: { organizationId: true },
  });
  if (!application) return;
  const message = MESSAGES[method][what];
  await emailCustomerUsers(application.organizationId, {
    kind: "brand_verification",
    subject: message.subject,
    lines: (name) => [`Messaging registration for ${name}.`, "", ...message.lines],
    path: "/home",
  }).catch((error: unknown) => console.error(`[brand-verification] mail not sent: ${describeErrorForLog(error)}`));
}

/**
 * Tells customers once when their code or link has expired unanswered (run with the status sync,
 * on any instance: each expiry is claimed in the database, so one email whatever runs at once).
 */
export async function notifyExpiredVerifications(now = new Date()): Promise<number> {
  const candidates = await db.brandVerification.findMany({
    where: { expiryNotifiedAt: null, sentAt: { lt: new Date(now.getTime() - VERIFICATION_WINDOW_MS["sms-otp"]) } },
  });
  let told = 0;
  for (const record of candidates) {
    const view = await brandVerificationView(record.applicationId, "customer", now);
    if (!view || view.method !== record.method || view.state !== "expired") continue;
    const claimed = await db.brandVerification.updateMany({
      where: {
        applicationId: record.applicationId,
        method: record.method,
        sentAt: record.sentAt,
        expiryNotifiedAt: null,
      },
      data: { expiryNotifiedAt: now },
    });
    if (claimed.count === 0) continue;
    await tellCustomer(record.applicationId, record.method as VerificationMethod, "expired");
    told++;
  }
  return told;
}

/** Who may send the verification again: the customer their own code; staff either. */
export type VerificationViewer = "customer" | "staff";

export async function brandVerificationView(
  applicationId: string,
  viewer: VerificationViewer,
  now = new Date(),
): Promise<BrandVerificationView | null> {
  const loaded = await loadApplication(applicationId);
  if (!loaded) return null;
  const parsed = parseApplication(loaded.draft);
  const method = parsed.success ? verificationMethodFor(parsed.data) : null;
  if (!parsed.success || !method) return null;
  const [record, brand] = await Promise.all([
    db.brandVerification.findUnique({ where: { applicationId_method: { applicationId, method } } }),
    brandOf(applicationId),
  ]);
  if (!record || !brand) return null;
  const details = brandDetailsOf(brand.details);
  const state = verificationState({
    method,
    sentAt: record.sentAt,
    identityStatus: details.identityStatus,
    brandStatus: brand.status,
    errorCodes: details.errors.map((error) => error.code),
    now,
  });
  // One recorded state for every card (#25 line 11): a brand that failed or was suspended for any
  // other reason is told by the failure panel, never beside a "verified" or "waiting" card.
  if ((brand.status === "FAILED" || brand.status === "SUSPENDED") && state !== "failed" && state !== "expired")
    return null;
  const app = parsed.data;
  const twoFactorError =
    method === "email-2fa" && (state === "failed" || state === "expired")
      ? details.errors.find((error) => isTwoFactorCode(error.code))
      : undefined;
  // A one-time code: the customer or staff send it again (SmsOtp), free. Authentication+: Twilio's
  // 2fa resource re-triggers the verification after a failure, at a new Authentication+ fee, so staff
  // send it and accept the fee: here for the failures with nothing to fix (expired, timed out); the
  // others go to the customer to fix the contact email, and the brand update that follows re-triggers
  // it. An email that merely did not arrive is resent from Twilio's Console (no API;
  // troubleshooting-standard-lvs-brands.md).
  const canResend =
    state !== "verified" &&
    (method === "sms-otp" ||
      (viewer === "staff" && onlyTwoFactorRetryNeeded(details.errors.map((error) => error.code))));
  return {
    applicationId,
    method,
    state,
    sentAt: record.sentAt.toISOString(),
    expiresAt: verificationExpiresAt(method, record.sentAt).toISOString(),
    sends: record.sends,
    sentTo:
      app.kind === "sole-proprietor" ? app.representatives.primary.phoneE164 : (app.company.brandContactEmail ?? ""),
    canResend,
    failure: twoFactorError ? { code: twoFactorError.code!, description: twoFactorError.description } : null,
    resendFeeUsd: method === "email-2fa" && !details.mock ? TWILIO_FEES.authentication_plus.amountUsd : null,
  };
}

const DAY_MS = 24 * 60 * 60_000;
/** Sends again per application a day, whoever asks: enough for a lost text or two, not a flood. */
export const MAX_RESENDS_PER_DAY = 5;

/**
 * Sends the verification again through Twilio: the SmsOtp resource (a sole proprietor's code) or
 * the brand's 2fa resource (Authentication+ email; the SDK has no method for it, hence a plain
 * request). One send a minute at most, claimed in the database so that a double click, a second
 * tab or another instance sends one message.
 */
export async function resendBrandVerification(
  applicationId: string,
  viewer: VerificationViewer,
  actorUserId: string,
  now = new Date(),
  choices: { acceptFee?: boolean } = {},
): Promise<Outcome> {
  const view = await brandVerificationView(applicationId, viewer, now);
  if (!view) return { ok: false, message: "There is no verification to send for this application." };
  if (view.state === "verified") return { ok: false, message: "The brand is already verified." };
  if (!view.canResend)
    return {
      ok: false,
      message:
        view.method === "email-2fa" && view.state === "pending"
          ? "The verification email is on its way. If it did not arrive, resend it from Twilio's Console (Messaging > Regulatory Compliance > Brands); Twilio offers no API for that."
          : "Your provider sends this again; ask them.",
    };
  if (view.resendFeeUsd !== null && !choices.acceptFee)
    return {
      ok: false,
      message: `Verifying again costs a new Authentication+ fee (${formatUsd(view.resendFeeUsd)}): confirm that you accept it.`,
    };
  const brand = (await brandOf(applicationId))!;
  const application = await db.onboardingApplication.findUniqueOrThrow({
    where: { id: applicationId },
    select: { organizationId: true },
  });
  // A daily cap (#26 line 6): each send texts the representative or emails the contact and, for
  // Authentication+, costs a fee. Counted from the audit trail; sends are one a minute at most
  // (claimed below), so two instances cannot both pass the last one.
  const sentToday = await db.auditLog.count({
    where: {
      targetType: "OnboardingApplication",
      targetId: applicationId,
      action: { in: ["brand.otp-resent", "brand.2fa-resent"] },
      // The audit trail's own clock (the database's time of each send).
      createdAt: { gte: new Date(Date.now() - DAY_MS) },
    },
  });
  if (sentToday >= MAX_RESENDS_PER_DAY)
    return {
      ok: false,
      message: `It was sent again ${MAX_RESENDS_PER_DAY} times in the last day, the most a day allows. Try again tomorrow, or ask your provider.`,
    };
  const previous = new Date(view.sentAt);
  const claimed = await db.brandVerification.updateMany({
    where: {
      applicationId,
      method: view.method,
      sentAt: { equals: previous, lte: new Date(now.getTime() - RESEND_SPACING_MS) },
    },
    data: { sentAt: now, sends: { increment: 1 }, expiryNotifiedAt: null },
  });
  if (claimed.count === 0) return { ok: false, message: "It was sent less than a minute ago. Wait a moment." };
  try {
    // Both are brand requests: the gateway paces them in the account's one-per-second slot.
    const account = await accountBySid(brand.accountSid);
    if (view.method === "sms-otp") await resendBrandOtp(account, brand.sid);
    else
      await retriggerBrand2fa(account, brand.sid, {
        applicationId,
        attempt: view.sends + 1,
        free: view.resendFeeUsd === null,
      });
  } catch (error) {
    // Not sent: the clock goes back, so the customer's window is not shown as fresh.
    await db.brandVerification.updateMany({
      where: { applicationId, method: view.method, sentAt: now },
      data: { sentAt: previous, sends: { decrement: 1 } },
    });
    const code = (error as { code?: number }).code;
    console.error(`[brand-verification] ${brand.sid} not sent again: ${describeErrorForLog(error)}`);
    return {
      ok: false,
      message: `Twilio did not send it${code ? ` (error ${code}: ${(error as { message?: string }).message ?? ""})` : ""}. Try again in a few minutes.`,
    };
  }
  // Re-triggered, the brand waits for Authentication+ again (PENDING at Twilio): recorded so, so that
  // the sync follows it again (a FAILED brand is final to it) until the new email is clicked.
  if (view.method === "email-2fa")
    await db.twilioResource.updateMany({
      where: { id: brand.id, status: "FAILED" },
      data: {
        status: "PENDING",
        statusUpdatedAt: now,
        details: { ...brandDetailsOf(brand.details), errors: [] } as unknown as Prisma.InputJsonValue,
      },
    });
  await audit(db, {
    actorUserId,
    action: view.method === "sms-otp" ? "brand.otp-resent" : "brand.2fa-resent",
    targetType: "OnboardingApplication",
    targetId: applicationId,
    organizationId: application.organizationId,
    metadata: { brandSid: brand.sid, sends: view.sends + 1 },
  });
  await refreshDashboardRow(applicationId).catch(() => undefined);
  // The customer who clicked sees it on the page; only a send by the provider's staff is news to
  // the customer's users (one email each per send, never one per click of theirs).
  if (viewer === "staff") await tellCustomer(applicationId, view.method, "resent");
  return { ok: true };
}
