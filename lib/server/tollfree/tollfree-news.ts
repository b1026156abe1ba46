import "server-only";

import type { TwilioResource } from "@prisma/client";

import { describeErrorForLog } from "@/lib/logging/redact";
import { TOLLFREE_FINAL } from "@/lib/tollfree/ledger-details";

import { db } from "../db";
import { accountBySid } from "../twilio/client";
import { fetchTollfreeVerification } from "../twilio/tollfree";
import { recordTollfreeState, type TollfreeNewsSource } from "./record-tollfree";

const verificationIdOf = (resource: TwilioResource) => resource.step.slice("tollfree:".length);

/**
 * Reads one verification at Twilio and records what it says. Every reader goes through here: an
 * event names a verification and its status but not Twilio's reasons or the edit window, so the
 * verification is fetched for those; the sync and the pages ask the same way.
 */
async function readAndRecord(resource: TwilioResource, source: TollfreeNewsSource): Promise<boolean> {
  const account = await accountBySid(resource.accountSid);
  const state = await fetchTollfreeVerification(account, resource.sid);
  return recordTollfreeState(verificationIdOf(resource), state, source);
}

/** An Event Streams event about a verification: only one the portal sent, in the account that signed. */
export async function applyTollfreeNews(accountSid: string, verificationSid: string): Promise<boolean> {
  const resource = await db.twilioResource.findFirst({
    where: { sid: verificationSid, accountSid, step: { startsWith: "tollfree:" } },
  });
  if (!resource) return false;
  try {
    return await readAndRecord(resource, "event");
  } catch (error) {
    // The sync reads it again: the event is not lost.
    console.error(`[tollfree] ${verificationSid} not read after its event: ${describeErrorForLog(error)}`);
    return false;
  }
}

/** The sync's part: every verification not yet decided, least recently looked at first. */
export async function syncTollfreeVerifications(): Promise<{ checked: number; changed: number; failed: number }> {
  const open = await db.twilioResource.findMany({
    where: { step: { startsWith: "tollfree:" }, OR: [{ status: null }, { status: { notIn: TOLLFREE_FINAL } }] },
    orderBy: { updatedAt: "asc" },
    take: 200,
  });
  let changed = 0;
  let failed = 0;
  for (const resource of open) {
    try {
      if (await readAndRecord(resource, "sync")) changed++;
    } catch (error) {
      failed++;
      console.error(`[tollfree] sync of ${resource.sid} failed: ${describeErrorForLog(error)}`);
    }
  }
  return { checked: open.length, changed, failed };
}

/**
 * A page showing a verification under review asks Twilio again when nobody did for a while, so the
 * customer and staff see Twilio's decision without waiting for the sync. The look is claimed on the
 * row (a compare-and-set on its change time), so many page views make one request.
 */
export async function refreshOpenVerification(verificationId: string, applicationId: string, olderThanMs = 30_000) {
  const resource = await db.twilioResource.findUnique({
    where: { applicationId_step: { applicationId, step: `tollfree:${verificationId}` } },
  });
  if (!resource || (resource.status && TOLLFREE_FINAL.includes(resource.status))) return;
  if (Date.now() - resource.updatedAt.getTime() < olderThanMs) return;
  const claimed = await db.twilioResource.updateMany({
    where: { id: resource.id, updatedAt: resource.updatedAt },
    data: { statusUpdatedAt: resource.statusUpdatedAt },
  });
  if (claimed.count !== 1) return;
  try {
    await readAndRecord(resource, "page");
  } catch (error) {
    console.error(`[tollfree] ${resource.sid} not refreshed: ${describeErrorForLog(error)}`);
  }
}
