import "server-only";

import { describeErrorForLog } from "@/lib/logging/redact";
import type { A2pEventChange } from "@/lib/trusthub/a2p-events";

import { audit } from "../audit/audit";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { emailCustomerUsers } from "../notifications/email-customer-users";
import { emitWebhookEvent } from "../webhooks/emit-event";

type NumberChange = Extract<A2pEventChange, { kind: "number" }>;

/** US numbers come as ten digits in Twilio's examples ("1234567890"): kept in E.164. */
const e164 = (digits: string) =>
  /^\d{10}$/.test(digits) ? `+1${digits}` : digits.startsWith("+") ? digits : `+${digits}`;

/**
 * A number's A2P registration, as Twilio's number-registration and number-deregistration events
 * report it (a2p-event-streams-setup.md): each number of a Messaging Service registers on its own
 * once the campaign is verified, so "Registered for A2P" is per number, never inferred from the
 * campaign. The event names the service (`messagingservicesid`), which names the customer. A number
 * the portal did not put in the pool (added in Twilio's Console) is recorded as it registers. Late
 * news never replaces newer (compare-and-set on when the number was last heard of). True when
 * something changed.
 */
export async function recordNumberRegistration(change: NumberChange, phoneNumber: string | null): Promise<boolean> {
  if (!change.messagingServiceSid) return false;
  const service = await db.twilioResource.findFirst({
    where: { sid: change.messagingServiceSid, accountSid: change.accountSid, step: "messaging-service" },
  });
  if (!service) return false;
  const key = { applicationId: service.applicationId, phoneNumberSid: change.phoneNumberSid };
  let known = await db.senderNumber.findUnique({ where: { applicationId_phoneNumberSid: key } });
  if (!known) {
    if (!phoneNumber || change.status === "unregistered" || change.status === "pending_deregistration") return false;
    known = await db.senderNumber.upsert({
      where: { applicationId_phoneNumberSid: key },
      create: { ...key, phoneNumber: e164(phoneNumber) },
      update: {},
    });
  }
  const at = change.at ?? new Date();
  if (known.a2pUpdatedAt && at < known.a2pUpdatedAt) return false;
  if (known.a2pStatus === change.status && known.a2pFailureReason === (change.failureReason ?? null)) return false;
  const written = await db.senderNumber.updateMany({
    where: { id: known.id, a2pUpdatedAt: known.a2pUpdatedAt },
    data: { a2pStatus: change.status, a2pFailureReason: change.failureReason ?? null, a2pUpdatedAt: at },
  });
  if (written.count !== 1) return false;
  const application = await db.onboardingApplication.findUnique({
    where: { id: service.applicationId },
    select: { organizationId: true },
  });
  await audit(db, {
    action: "twilio.number_registration",
    targetType: "SenderNumber",
    targetId: change.phoneNumberSid,
    organizationId: application?.organizationId,
    metadata: { phoneNumber: known.phoneNumber, from: known.a2pStatus, to: change.status },
  });
  await refreshDashboardRow(service.applicationId);
  if (application && change.status.toLowerCase() === "registered")
    await emitWebhookEvent("number.registered", application.organizationId, {
      number: { phoneNumber: known.phoneNumber, phoneNumberSid: change.phoneNumberSid },
    });
  if (application && change.status === "failure" && known.a2pStatus !== "failure")
    await emailCustomerUsers(application.organizationId, {
      kind: "number_failed",
      subject: "A phone number could not be registered for messaging",
      lines: (name) => [
        `Messaging registration for ${name}.`,
        "",
        `Twilio could not register ${known.phoneNumber} for A2P messaging under your campaign.`,
        "The reason is shown next to the number on your home page:",
      ],
      path: "/home",
    }).catch((error: unknown) => console.error(`[numbers] mail not sent: ${describeErrorForLog(error)}`));
  return true;
}
