import "server-only";

import { Webhook } from "standardwebhooks";

import { describeErrorForLog } from "@/lib/logging/redact";

import { audit } from "../audit/audit";
import { db } from "../db";
import { signingSecrets } from "./endpoints";

/** After each failed try: 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h, 12 h; then given up (about a day). */
export const RETRY_DELAYS_MS = [5, 30, 120, 600, 1800, 3600, 10_800, 21_600, 43_200].map((seconds) => seconds * 1000);
const TIMEOUT_MS = 10_000;
const CLAIM_MS = 60_000;
const RESPONSE_KEPT = 1024;
const BATCH = 50;

export type DeliverOptions = { now?: () => Date; fetch?: typeof fetch };

/**
 * Sends what is due, on any instance, at least once and in order per customer and endpoint: only a
 * customer's oldest waiting delivery to an endpoint is due, so the next one goes only once it is
 * delivered or given up. A delivery is claimed with compare-and-set before it is sent (a crashed
 * sender's claim runs out after a minute and the delivery is sent again: at least once). Each try
 * is kept with the endpoint's answer. Returns how many tries were made.
 */
export async function deliverDueWebhooks(options: DeliverOptions = {}): Promise<number> {
  const now = options.now ?? (() => new Date());
  let tries = 0;
  for (let round = 0; round < 20; round++) {
    const due = await dueDeliveries(now());
    if (!due.length) break;
    for (const delivery of due) if (await deliverOne(delivery.id, now, options.fetch ?? fetch)) tries++;
  }
  return tries;
}

/** The oldest waiting delivery of each (endpoint, customer) pair, when its time has come. */
async function dueDeliveries(now: Date): Promise<{ id: string }[]> {
  const waiting = await db.webhookDelivery.findMany({
    where: { state: "PENDING", endpoint: { disabledAt: null } },
    orderBy: [{ eventCreatedAt: "asc" }, { eventId: "asc" }],
    select: { id: true, endpointId: true, organizationId: true, nextAttemptAt: true, claimedUntil: true },
    take: 1000,
  });
  const firstOfPair = new Map<string, (typeof waiting)[number]>();
  for (const delivery of waiting) {
    const pair = `${delivery.endpointId}|${delivery.organizationId}`;
    if (!firstOfPair.has(pair)) firstOfPair.set(pair, delivery);
  }
  return [...firstOfPair.values()]
    .filter((delivery) => delivery.nextAttemptAt <= now && (!delivery.claimedUntil || delivery.claimedUntil <= now))
    .slice(0, BATCH);
}

async function deliverOne(id: string, now: () => Date, send: typeof fetch): Promise<boolean> {
  const started = now();
  const claimed = await db.webhookDelivery.updateMany({
    where: {
      id,
      state: "PENDING",
      nextAttemptAt: { lte: started },
      OR: [{ claimedUntil: null }, { claimedUntil: { lte: started } }],
    },
    data: { claimedUntil: new Date(started.getTime() + CLAIM_MS) },
  });
  if (claimed.count === 0) return false;
  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id },
    include: { event: true, endpoint: true },
  });
  const body = JSON.stringify(delivery.event.payload);
  const headers = signedHeaders(signingSecrets(delivery.endpoint, started), delivery.event.id, started, body);
  let status: number | null = null;
  let responseBody = "";
  let error: string | null = null;
  const clock = Date.now();
  try {
    const response = await send(delivery.endpoint.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "onboarding-portal-webhooks/1", ...headers },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    status = response.status;
    responseBody = (await response.text().catch(() => "")).slice(0, RESPONSE_KEPT);
  } catch (caught) {
    error = describeErrorForLog(caught).slice(0, RESPONSE_KEPT);
  }
  const durationMs = Date.now() - clock;
  const delivered = status !== null && status >= 200 && status < 300;
  const attempts = delivery.attempts + 1;
  const givenUp = !delivered && attempts > RETRY_DELAYS_MS.length;
  await db.$transaction([
    db.webhookAttempt.create({ data: { deliveryId: id, at: started, status, responseBody, error, durationMs } }),
    db.webhookDelivery.update({
      where: { id },
      data: {
        attempts,
        claimedUntil: null,
        state: delivered ? "DELIVERED" : givenUp ? "FAILED" : "PENDING",
        ...(delivered ? { deliveredAt: now() } : {}),
        ...(!delivered && !givenUp
          ? { nextAttemptAt: new Date(now().getTime() + RETRY_DELAYS_MS[attempts - 1]!) }
          : {}),
      },
    }),
  ]);
  return true;
}

/**
 * Standard Webhooks' three headers, signed by a maintained implementation (standardwebhooks): during
 * a secret's rotation the message carries a signature from each secret, space-separated, as the
 * specification allows, so receivers on either secret verify it.
 */
export function signedHeaders(secrets: string[], messageId: string, at: Date, body: string): Record<string, string> {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(messageId, at, body));
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}

/** "Send again": the delivery waits its turn once more, with the same message id (receivers dedupe by it). */
export async function sendDeliveryAgain(id: string, adminUserId: string): Promise<boolean> {
  const done = await db.webhookDelivery.updateMany({
    where: { id, state: { in: ["DELIVERED", "FAILED"] } },
    data: { state: "PENDING", nextAttemptAt: new Date(), claimedUntil: null, attempts: 0 },
  });
  if (done.count === 0) return false;
  await audit(db, {
    actorUserId: adminUserId,
    action: "webhook_delivery.resent",
    targetType: "WebhookDelivery",
    targetId: id,
  });
  return true;
}
