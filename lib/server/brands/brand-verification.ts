import "server-only";
import { parseApplication } from "@/lib/schemas/onboarding/application";
import { normalizeBrandDetails } from "@/lib/trusthub/brand-details";
import {
  RESEND_SPACING_MS,
  verificationExpiresAt,
  verificationMethodFor,
  verificationState,
  type VerificationMethod,
} from "@/lib/trusthub/brand-verification";
import { describeErrorForLog } from "@/lib/logging/redact";
import type { BrandVerificationView } from "@/lib/views/brand-verification";
import { db } from "../db";
import { audit } from "../audit/audit";
import { readStoredDraft } from "../applications/stored-draft";
import { accountClient } from "../twilio/client";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";

type Outcome = { ok: true } | { ok: false; message: string };

const brandOf = (applicationId: string) =>
  db.twilioResource.findUnique({ where: { applicationId_step: { applicationId, step: "brand" } } });

/**
 * Twilio sends the verification as the brand is registered: the portal starts its clock then
 * (called by the brand step, once per brand; a crash-resume keeps the first time).
 */
export async function recordVerificationSent(
  applicationId: string,
  method: VerificationMethod,
  brandSid: string,
): Promise<void> {
  await db.brandVerification.upsert({
    where: { applicationId_method: { applicationId, method } },
    create: { applicationId, method, brandSid, sentAt: new Date() },
    update: {},
  });
}

/** Who may send the verification again: the customer their own code; staff either. */
export type VerificationViewer = "customer" | "staff";

export async function brandVerificationView(
  applicationId: string,
  viewer: VerificationViewer,
  now = new Date(),
): Promise<BrandVerificationView | null> {
  const application = await db.onboardingApplication.findUnique({ where: { id: applicationId } });
  if (!application) return null;
  const parsed = parseApplication(readStoredDraft(application.draft));
  const method = parsed.success ? verificationMethodFor(parsed.data) : null;
  if (!parsed.success || !method) return null;
  const [record, brand] = await Promise.all([
    db.brandVerification.findUnique({ where: { applicationId_method: { applicationId, method } } }),
    brandOf(applicationId),
  ]);
  if (!record || !brand) return null;
  const details = normalizeBrandDetails(brand.details as Record<string, unknown> | null);
  const state = verificationState({
    method,
    sentAt: record.sentAt,
    identityStatus: details.identityStatus,
    brandStatus: brand.status,
    errorCodes: details.errors.map((error) => error.code),
    now,
  });
  const app = parsed.data;
  return {
    applicationId,
    method,
    state,
    sentAt: record.sentAt.toISOString(),
    expiresAt: verificationExpiresAt(method, record.sentAt).toISOString(),
    sends: record.sends,
    sentTo:
      app.kind === "sole-proprietor" ? app.representatives.primary.phoneE164 : (app.company.brandContactEmail ?? ""),
    // Authentication+ email: staff send it again (the ISV talks to TCR's contact); the OTP: either.
    canResend: state !== "verified" && (viewer === "staff" || method === "sms-otp"),
  };
}

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
): Promise<Outcome> {
  const view = await brandVerificationView(applicationId, viewer, now);
  if (!view) return { ok: false, message: "There is no verification to send for this application." };
  if (view.state === "verified") return { ok: false, message: "The brand is already verified." };
  if (!view.canResend) return { ok: false, message: "Your provider sends this email again; ask them." };
  const brand = (await brandOf(applicationId))!;
  const previous = new Date(view.sentAt);
  const claimed = await db.brandVerification.updateMany({
    where: {
      applicationId,
      method: view.method,
      sentAt: { equals: previous, lte: new Date(now.getTime() - RESEND_SPACING_MS) },
    },
    data: { sentAt: now, sends: { increment: 1 } },
  });
  if (claimed.count === 0) return { ok: false, message: "It was sent less than a minute ago. Wait a moment." };
  try {
    const client = await accountClient(brand.accountSid);
    if (view.method === "sms-otp") {
      await client.messaging.v1.brandRegistrations(brand.sid).brandRegistrationOtps.create();
    } else {
      const response = await client.request({
        method: "post",
        uri: `https://messaging.twilio.com/v1/a2p/BrandRegistrations/${brand.sid}/2fa`,
      });
      if (response.statusCode >= 400) throw Object.assign(new Error("2fa resend refused"), response.body ?? {});
    }
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
  await audit(db, {
    actorUserId,
    action: view.method === "sms-otp" ? "brand.otp-resent" : "brand.2fa-resent",
    targetType: "OnboardingApplication",
    targetId: applicationId,
    metadata: { brandSid: brand.sid, sends: view.sends + 1 },
  });
  await refreshDashboardRow(applicationId).catch(() => undefined);
  return { ok: true };
}
