import "server-only";

import { randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";

import { describeErrorForLog } from "@/lib/logging/redact";
import type { WebhookEventType } from "@/lib/webhooks/event-types";

import { customerById } from "../api-v1/customers";
import { db } from "../db";
import { enqueueWebhookDelivery } from "../jobs/enqueue";
import { eventTypesOf } from "./endpoints";

/**
 * Records an event for the ISV's endpoints (#28 line 4), called from where the portal records the
 * change itself (the status recorder, submission, review, approval): one WebhookEvent, and a
 * delivery for each enabled endpoint that takes its type. The body is fixed now, as Standard
 * Webhooks' `{ type, timestamp, data }`; `data.customer` is the customer as the API shows it, so a
 * receiver needs no second call. Sending is the delivery job's (deliver.ts): at least once, in
 * order per customer. A failure to record is logged and never undoes the change that caused it.
 */
export async function emitWebhookEvent(
  type: WebhookEventType,
  organizationId: string,
  extra: Record<string, unknown> = {},
): Promise<string | null> {
  try {
    const endpoints = (await db.webhookEndpoint.findMany({ where: { disabledAt: null } })).filter((endpoint) =>
      eventTypesOf(endpoint).includes(type),
    );
    if (!endpoints.length) return null;
    const customer = await customerById(organizationId);
    if (!customer) return null;
    const id = `msg_${randomBytes(12).toString("hex")}`;
    const createdAt = new Date();
    const payload = { type, timestamp: createdAt.toISOString(), data: { customer, ...extra } };
    await db.$transaction([
      db.webhookEvent.create({
        data: { id, type, organizationId, payload: payload as Prisma.InputJsonValue, createdAt },
      }),
      db.webhookDelivery.createMany({
        data: endpoints.map((endpoint) => ({
          eventId: id,
          endpointId: endpoint.id,
          organizationId,
          eventCreatedAt: createdAt,
          nextAttemptAt: createdAt,
        })),
      }),
    ]);
    await enqueueWebhookDelivery();
    return id;
  } catch (error) {
    console.error(`[webhooks] recording ${type} for ${organizationId} failed: ${describeErrorForLog(error)}`);
    return null;
  }
}
