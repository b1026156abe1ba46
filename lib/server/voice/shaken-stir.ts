import "server-only";

import { describeErrorForLog } from "@/lib/logging/redact";
import { evaluationResultsOf } from "@/lib/trusthub/ledger-details";
import { shakenStirProblems } from "@/lib/trusthub/shaken-stir-problems";
import type { ShakenStirView } from "@/lib/voice/views";

import { isSoleProprietor } from "../applications/application-kind";
import { audit } from "../audit/audit";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { enqueueProvisioning } from "../jobs/enqueue";
import { accountNumbers } from "../numbers/account-numbers";
import { NOT_YOUR_NUMBER, ownedAmong } from "../numbers/number-ownership";
import { phaseRequest, requestPhase } from "../provisioning/job";
import { accountBySid } from "../twilio/client";

type Outcome = { ok: true } | { ok: false; message: string };

const step = (applicationId: string, name: string) =>
  db.twilioResource.findUnique({ where: { applicationId_step: { applicationId, step: name } } });

const organizationOf = async (applicationId: string) =>
  (
    await db.onboardingApplication.findUniqueOrThrow({
      where: { id: applicationId },
      select: { organizationId: true },
    })
  ).organizationId;

/** Why SHAKEN/STIR cannot be requested yet, or null (seed 002: the Secondary Customer Profile is approved first). */
async function notYet(applicationId: string): Promise<string | null> {
  if (await isSoleProprietor(applicationId))
    return "SHAKEN/STIR needs a Secondary Customer Profile; a Sole Proprietor brand has a Starter profile instead. A business with a tax ID can register as a Standard brand for voice.";
  const profile = await step(applicationId, "customer-profile");
  if (!profile) return "SHAKEN/STIR builds on the Secondary Customer Profile, which is not created yet.";
  if (profile.status !== "twilio-approved")
    return "SHAKEN/STIR opens once Trust Hub has approved the Secondary Customer Profile.";
  return null;
}

/** The account's numbers, which of them place calls with SHAKEN/STIR, and the trust product's status. */
export async function shakenStirView(applicationId: string): Promise<ShakenStirView> {
  const [reason, chosen, product, profile, evaluation] = await Promise.all([
    notYet(applicationId),
    db.shakenStirNumber.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" } }),
    step(applicationId, "shaken-stir"),
    step(applicationId, "customer-profile"),
    step(applicationId, "evaluate:shaken-stir"),
  ]);
  // The last evaluation's failures, while the product still waits on a fix (draft or rejected).
  const problems =
    evaluation &&
    evaluation.status !== "compliant" &&
    ["draft", "twilio-rejected", null].includes(product?.status ?? null)
      ? shakenStirProblems(evaluationResultsOf(evaluation.details), chosen)
      : [];
  const trustProduct = product ? { sid: product.sid, status: product.status } : null;
  const recorded = chosen.map((number) => ({
    phoneNumberSid: number.phoneNumberSid,
    phoneNumber: number.phoneNumber,
    chosen: true,
    assigned: number.assignedAt !== null,
  }));
  if (!profile) return { notYet: reason, numbers: recorded, trustProduct, error: null, problems };
  try {
    const listed = await accountNumbers(await accountBySid(profile.accountSid));
    const mine = await ownedAmong(
      await organizationOf(applicationId),
      profile.accountSid,
      listed.map((number) => number.sid),
    );
    // Only the organization's own numbers are offered (#26); those already chosen stay listed.
    const chosenSids = new Set(chosen.map((number) => number.phoneNumberSid));
    const owned = listed.filter((number) => mine.has(number.sid) || chosenSids.has(number.sid));
    const byNumber = new Map(recorded.map((number) => [number.phoneNumberSid, number]));
    return {
      notYet: reason,
      trustProduct,
      error: null,
      problems,
      numbers: owned.map(
        (number) =>
          byNumber.get(number.sid) ?? {
            phoneNumberSid: number.sid,
            phoneNumber: number.phoneNumber,
            chosen: false,
            assigned: false,
          },
      ),
    };
  } catch (error) {
    console.error(`[shaken-stir] numbers of ${profile.accountSid} not read: ${describeErrorForLog(error)}`);
    return {
      notYet: reason,
      numbers: recorded,
      trustProduct,
      problems,
      error: "Twilio's list of numbers could not be loaded just now. Try again in a moment.",
    };
  }
}

/**
 * Numbers chosen for SHAKEN/STIR: recorded, then the job's voice phase assigns them and creates
 * (once) the trust product. The phase is asked of the job's owner (provisioning/job.ts): two
 * requests at once, or one during another phase's run, never overwrite that phase nor get lost.
 */
export async function requestShakenStir(
  applicationId: string,
  phoneNumberSids: string[],
  actorUserId: string,
): Promise<Outcome> {
  // Ownership first, from the database: another organization's number is refused before Twilio is asked.
  const organizationId = await organizationOf(applicationId);
  const mine = await ownedAmong(organizationId, null, phoneNumberSids);
  if (phoneNumberSids.some((sid) => !mine.has(sid))) return { ok: false, message: NOT_YOUR_NUMBER };
  const reason = await notYet(applicationId);
  if (reason) return { ok: false, message: reason };
  const profile = (await step(applicationId, "customer-profile"))!;
  // Then whether there is anything to do: numbers already chosen, with the voice phase on its way,
  // cost no Twilio call at all (a customer clicking again cannot keep the account busy).
  const [already, job] = await Promise.all([
    db.shakenStirNumber.findMany({
      where: { applicationId, phoneNumberSid: { in: phoneNumberSids } },
      select: { phoneNumberSid: true },
    }),
    db.provisioningJob.findUnique({ where: { applicationId } }),
  ]);
  const fresh = phoneNumberSids.filter((sid) => !already.some((row) => row.phoneNumberSid === sid));
  if (fresh.length === 0 && job && phaseRequest(job, "voice", false).data === null) return { ok: true };
  // One list of the account's numbers (cached a few seconds) gives every chosen number's digits.
  let numbers: { sid: string; phoneNumber: string }[];
  try {
    const listed = await accountNumbers(await accountBySid(profile.accountSid));
    numbers = listed.filter((number) => phoneNumberSids.includes(number.sid));
  } catch (error) {
    console.error(`[shaken-stir] numbers of ${profile.accountSid} not read: ${describeErrorForLog(error)}`);
    return { ok: false, message: "Twilio could not be reached just now. Try again in a moment." };
  }
  if (numbers.length !== new Set(phoneNumberSids).size)
    return { ok: false, message: "One of these numbers is not in the customer's account." };
  const queued = await db.$transaction(async (tx) => {
    // Queued now when the job is idle; after the phase that runs now; or, when the job stopped on a
    // failure, once staff retry it (its error and Retry button stay).
    const outcome = await requestPhase(tx, applicationId, "voice", { clearsFailure: false });
    for (const number of numbers)
      await tx.shakenStirNumber.upsert({
        where: { applicationId_phoneNumberSid: { applicationId, phoneNumberSid: number.sid } },
        create: {
          applicationId,
          phoneNumberSid: number.sid,
          phoneNumber: number.phoneNumber,
          requestedById: actorUserId,
        },
        update: {},
      });
    await audit(tx, {
      actorUserId,
      action: "shaken_stir.requested",
      targetType: "OnboardingApplication",
      targetId: applicationId,
      organizationId,
      metadata: { phoneNumberSids: numbers.map((number) => number.sid) },
    });
    return outcome;
  });
  await refreshDashboardRow(applicationId);
  if (queued === "queued") await enqueueProvisioning(applicationId);
  return { ok: true };
}
