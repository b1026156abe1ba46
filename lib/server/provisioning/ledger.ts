import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db";

/**
 * The portal's record of what exists at Twilio for an application: one SID per step, written the
 * moment Twilio returns it.
 */
export async function knownSid(applicationId: string, step: string): Promise<string | null> {
  return (await db.twilioResource.findUnique({ where: { applicationId_step: { applicationId, step } } }))?.sid ?? null;
}

/** The last status recorded for a step's resource (null: none yet). */
export async function knownStatus(applicationId: string, step: string): Promise<string | null> {
  return (
    (await db.twilioResource.findUnique({ where: { applicationId_step: { applicationId, step } } }))?.status ?? null
  );
}

export async function recordSid(
  applicationId: string,
  step: string,
  sid: string,
  accountSid: string,
  extra: { status?: string | null; details?: Prisma.InputJsonValue } = {},
): Promise<void> {
  const data = {
    sid,
    accountSid,
    ...(extra.status !== undefined ? { status: extra.status, statusUpdatedAt: new Date() } : {}),
    ...(extra.details ? { details: extra.details } : {}),
  };
  await db.twilioResource.upsert({
    where: { applicationId_step: { applicationId, step } },
    create: { applicationId, step, ...data },
    update: data,
  });
}
