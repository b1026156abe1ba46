import "server-only";

import { MAX_SENDERS_PER_SERVICE, registrationFailureText, senderA2pState } from "@/lib/campaign/sender-pool";
import type { SenderNumberView } from "@/lib/campaign/views";
import { describeErrorForLog } from "@/lib/logging/redact";

import { isSoleProprietor } from "../applications/application-kind";
import { audit } from "../audit/audit";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { accountNumbers, forgetSenderPool, senderPoolNumbers } from "../numbers/account-numbers";
import { NOT_YOUR_NUMBER, ownedAmong, ownsNumber } from "../numbers/number-ownership";
import { accountBySid } from "../twilio/client";
import { addToSenderPool, listSenderPool, removeFromSenderPool } from "../twilio/messaging-services";
import { fetchPhoneNumber } from "../twilio/phone-numbers";

/**
 * The Messaging Service's sender pool (Messaging v1 Services/{MG}/PhoneNumbers): the numbers the
 * customer's messages go out from. Each number added registers for A2P under the service's campaign
 * once it is verified (live-twilio.md §7). The portal keeps its own record of the pool so the
 * dashboards show it without asking Twilio.
 */
type Outcome = { ok: true } | { ok: false; message: string };

async function serviceOf(applicationId: string) {
  return db.twilioResource.findUnique({
    where: { applicationId_step: { applicationId, step: "messaging-service" } },
  });
}

async function campaignStatusOf(applicationId: string): Promise<string | null> {
  const campaign = await db.twilioResource.findUnique({
    where: { applicationId_step: { applicationId, step: "campaign" } },
    select: { status: true },
  });
  return campaign?.status ?? null;
}

/**
 * A SUSPENDED campaign's numbers are frozen: Twilio refuses to add or remove them (21729,
 * troubleshooting-standard-lvs-brands.md), so the portal does not ask.
 */
const SUSPENDED_POOL =
  "The campaign is suspended: Twilio allows no number to be added or removed until Twilio Support lifts the suspension (error 21729).";

async function campaignSuspended(applicationId: string): Promise<boolean> {
  return (await campaignStatusOf(applicationId))?.toUpperCase() === "SUSPENDED";
}

/** The pool as the portal recorded it, with each number's A2P state (the dashboards). */
export async function recordedSenderNumbers(applicationId: string): Promise<SenderNumberView[]> {
  const [numbers, campaignStatus] = await Promise.all([
    db.senderNumber.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" } }),
    campaignStatusOf(applicationId),
  ]);
  return numbers.map((number) => senderView(number, true, campaignStatus));
}

type RecordedNumber = {
  phoneNumberSid: string;
  phoneNumber: string;
  a2pStatus: string | null;
  a2pFailureReason: string | null;
};

/** One number as the cards show it: its own registration, and why it failed if it did. */
function senderView(number: RecordedNumber, inPool: boolean, campaignStatus: string | null): SenderNumberView {
  const a2p = senderA2pState(inPool, campaignStatus, {
    status: number.a2pStatus,
    failureReason: number.a2pFailureReason,
  });
  const text = a2p === "failed" ? registrationFailureText(number.a2pFailureReason) : null;
  return {
    phoneNumberSid: number.phoneNumberSid,
    phoneNumber: number.phoneNumber,
    inPool,
    a2p,
    failure:
      a2p === "failed"
        ? {
            text: text ?? "Twilio gave no reason.",
            url: number.a2pFailureReason?.startsWith("https://") ? number.a2pFailureReason : null,
          }
        : null,
  };
}

export type SenderPool = { numbers: SenderNumberView[]; error: string | null; serviceReady: boolean };

const organizationOf = async (applicationId: string) =>
  (
    await db.onboardingApplication.findUniqueOrThrow({
      where: { id: applicationId },
      select: { organizationId: true },
    })
  ).organizationId;

/**
 * The customer's own numbers, in the pool or not, as Twilio has them now (the management card).
 * Only the organization's numbers are listed (#26): in the ISV's account, those assigned to it; a
 * number in the pool that is not its own (put there before numbers had owners) is listed so that it
 * can be taken out.
 */
export async function senderPool(applicationId: string): Promise<SenderPool> {
  const service = await serviceOf(applicationId);
  if (!service) return { numbers: [], error: null, serviceReady: false };
  try {
    const account = await accountBySid(service.accountSid);
    const [listed, pool, campaignStatus, recorded, organizationId] = await Promise.all([
      accountNumbers(account),
      senderPoolNumbers(account, service.sid),
      campaignStatusOf(applicationId),
      db.senderNumber.findMany({ where: { applicationId } }),
      organizationOf(applicationId),
    ]);
    const inPool = new Set(pool);
    const mine = await ownedAmong(
      organizationId,
      service.accountSid,
      listed.map((number) => number.sid),
    );
    const owned = listed.filter((number) => mine.has(number.sid) || inPool.has(number.sid));
    const known = new Map(recorded.map((number) => [number.phoneNumberSid, number]));
    return {
      serviceReady: true,
      error: null,
      numbers: owned.map((number) =>
        senderView(
          {
            phoneNumberSid: number.sid,
            phoneNumber: number.phoneNumber,
            a2pStatus: known.get(number.sid)?.a2pStatus ?? null,
            a2pFailureReason: known.get(number.sid)?.a2pFailureReason ?? null,
          },
          inPool.has(number.sid),
          campaignStatus,
        ),
      ),
    };
  } catch (error) {
    console.error(`[senders] pool of ${service.sid} not read: ${describeErrorForLog(error)}`);
    return {
      serviceReady: true,
      error: "Twilio's list of numbers could not be loaded just now. Try again in a moment.",
      numbers: await recordedSenderNumbers(applicationId),
    };
  }
}

const twilioCode = (error: unknown) => (error as { code?: number }).code;

/** Adds one of the account's numbers to the pool; one already there counts as added (Twilio's 21710). */
export async function addSenderNumber(
  applicationId: string,
  phoneNumberSid: string,
  actorUserId: string,
): Promise<Outcome> {
  // Checked first, in the database, before any Twilio call: the account may be the ISV's, shared by many.
  if (!(await ownsNumber(await organizationOf(applicationId), phoneNumberSid)))
    return { ok: false, message: NOT_YOUR_NUMBER };
  const service = await serviceOf(applicationId);
  if (!service) return { ok: false, message: "The Messaging Service is not created yet." };
  if (await campaignSuspended(applicationId)) return { ok: false, message: SUSPENDED_POOL };
  const account = await accountBySid(service.accountSid);
  let phoneNumber: string;
  try {
    const [number, current] = await Promise.all([
      fetchPhoneNumber(account, phoneNumberSid),
      listSenderPool(account, service.sid),
    ]);
    phoneNumber = number.phoneNumber;
    if (!current.includes(phoneNumberSid)) {
      // A Sole Proprietor campaign sends from one number (Twilio's Sole Proprietor walkthrough).
      if (current.length >= 1 && (await isSoleProprietor(applicationId)))
        return {
          ok: false,
          message: "A Sole Proprietor brand sends from one phone number. Remove the current one first.",
        };
      if (current.length >= MAX_SENDERS_PER_SERVICE)
        return {
          ok: false,
          message: `This Messaging Service already has ${MAX_SENDERS_PER_SERVICE} senders, Twilio's most. Remove one first.`,
        };
      await addToSenderPool(account, service.sid, phoneNumberSid).catch((error: unknown) => {
        if (twilioCode(error) !== 21710) throw error;
      });
    }
  } catch (error) {
    const code = twilioCode(error);
    if ((error as { status?: number }).status === 404)
      return { ok: false, message: "This number is not in the account." };
    if (code === 21712) return { ok: false, message: "This number is already in another Messaging Service." };
    if (code === 21714) return { ok: false, message: "The sender pool is full (Twilio's cap)." };
    console.error(`[senders] ${phoneNumberSid} not added: ${describeErrorForLog(error)}`);
    return { ok: false, message: `Twilio did not add the number${code ? ` (error ${code})` : ""}. Try again.` };
  }
  forgetSenderPool(service.sid);
  await db.senderNumber.upsert({
    where: { applicationId_phoneNumberSid: { applicationId, phoneNumberSid } },
    create: { applicationId, phoneNumberSid, phoneNumber, addedById: actorUserId },
    update: { phoneNumber },
  });
  await auditPoolChange(applicationId, "sender.added", phoneNumberSid, actorUserId);
  return { ok: true };
}

/** Takes a number out of the pool; one already gone counts as removed. */
export async function removeSenderNumber(
  applicationId: string,
  phoneNumberSid: string,
  actorUserId: string,
): Promise<Outcome> {
  // Its own number, or one the pool holds (put there before numbers had owners): nothing else.
  const inRecordedPool = await db.senderNumber.count({ where: { applicationId, phoneNumberSid } });
  if (!inRecordedPool && !(await ownsNumber(await organizationOf(applicationId), phoneNumberSid)))
    return { ok: false, message: NOT_YOUR_NUMBER };
  const service = await serviceOf(applicationId);
  if (!service) return { ok: false, message: "The Messaging Service is not created yet." };
  if (await campaignSuspended(applicationId)) return { ok: false, message: SUSPENDED_POOL };
  try {
    await removeFromSenderPool(await accountBySid(service.accountSid), service.sid, phoneNumberSid);
  } catch (error) {
    if ((error as { status?: number }).status !== 404) {
      console.error(`[senders] ${phoneNumberSid} not removed: ${describeErrorForLog(error)}`);
      return { ok: false, message: "Twilio did not remove the number. Try again." };
    }
  }
  forgetSenderPool(service.sid);
  await db.senderNumber.deleteMany({ where: { applicationId, phoneNumberSid } });
  await auditPoolChange(applicationId, "sender.removed", phoneNumberSid, actorUserId);
  return { ok: true };
}

async function auditPoolChange(applicationId: string, action: string, phoneNumberSid: string, actorUserId: string) {
  const application = await db.onboardingApplication.findUniqueOrThrow({
    where: { id: applicationId },
    select: { organizationId: true },
  });
  await audit(db, {
    actorUserId,
    action,
    targetType: "OnboardingApplication",
    targetId: applicationId,
    organizationId: application.organizationId,
    metadata: { phoneNumberSid },
  });
  await refreshDashboardRow(applicationId);
}
