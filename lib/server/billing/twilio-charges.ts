import "server-only";

import { TWILIO_FEES, type BillableEvent } from "@/lib/campaign/twilio-fees";

import { db } from "../db";

/**
 * Records a fee a billable call incurred. The key names the event once (a brand's registration,
 * a campaign's n-th vetting): a retry, an adopted resource or a second run records nothing new.
 */
export async function recordCharge(
  applicationId: string,
  event: BillableEvent,
  key: string,
  resourceSid: string | null,
): Promise<void> {
  const amountCents = Math.round(TWILIO_FEES[event].amountUsd * 100);
  await db.twilioCharge.upsert({
    where: { key: `${event}:${key}` },
    create: { applicationId, event, key: `${event}:${key}`, amountCents, resourceSid },
    update: {},
  });
}

export type ChargeSummary = {
  items: { event: BillableEvent; label: string; amountUsd: number; recurrence: "once" | "monthly"; at: string }[];
  oneTimeUsd: number;
  monthlyUsd: number;
};

/** What one application has cost so far, and what it costs each month while its campaign is registered. */
export async function chargesOf(applicationId: string): Promise<ChargeSummary> {
  const rows = await db.twilioCharge.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" } });
  const items = rows
    .filter((row): row is typeof row & { event: BillableEvent } => row.event in TWILIO_FEES)
    .map((row) => {
      const fee = TWILIO_FEES[row.event];
      return {
        event: row.event,
        label: fee.label,
        amountUsd: row.amountCents / 100,
        recurrence: fee.recurrence,
        at: row.createdAt.toISOString(),
      };
    });
  const sum = (recurrence: "once" | "monthly") =>
    items.filter((item) => item.recurrence === recurrence).reduce((total, item) => total + item.amountUsd, 0);
  return { items, oneTimeUsd: sum("once"), monthlyUsd: sum("monthly") };
}
