import "server-only";

import { randomBytes, randomUUID } from "node:crypto";
import type { WebhookEndpoint } from "@prisma/client";

import { WEBHOOK_EVENT_TYPE_NAMES, type WebhookEventType } from "@/lib/webhooks/event-types";

import { audit } from "../audit/audit";
import { decryptField, encryptField, fieldContext } from "../crypto/field-cipher";
import { dataKeyring } from "../crypto/keyring";
import { db } from "../db";

/** How long a rotated-out secret keeps signing beside the new one: the receiver's time to switch. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60_000;

export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  createdAt: string;
  disabledAt: string | null;
  rotatingUntil: string | null;
};

/** A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

const secretPlace = (id: string, field: "secretEncrypted" | "previousSecretEncrypted") =>
  fieldContext("WebhookEndpoint", id, field);

/** An endpoint that receives the chosen events; its secret is in this answer and then only encrypted. */
export async function createWebhookEndpoint(
  input: { url: string; description: string; eventTypes: WebhookEventType[] },
  adminUserId: string,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const id = randomUUID();
  const secret = newSecret();
  const row = await db.webhookEndpoint.create({
    data: {
      id,
      url: input.url,
      description: input.description,
      eventTypes: input.eventTypes,
      secretEncrypted: encryptField(secret, dataKeyring(), secretPlace(id, "secretEncrypted")),
    },
  });
  await audit(db, {
    actorUserId: adminUserId,
    action: "webhook_endpoint.created",
    targetType: "WebhookEndpoint",
    targetId: id,
    metadata: { eventTypes: input.eventTypes },
  });
  return { endpoint: endpointView(row), secret };
}

/**
 * A new secret; the previous one keeps signing beside it for ROTATION_OVERLAP_MS (each message
 * carries both signatures), so a receiver that has not switched yet still verifies.
 */
export async function rotateWebhookSecret(id: string, adminUserId: string, now = new Date()): Promise<string | null> {
  const row = await db.webhookEndpoint.findUnique({ where: { id } });
  if (!row || row.disabledAt) return null;
  const secret = newSecret();
  const current = decryptField(row.secretEncrypted, dataKeyring(), secretPlace(id, "secretEncrypted"));
  await db.webhookEndpoint.update({
    where: { id },
    data: {
      secretEncrypted: encryptField(secret, dataKeyring(), secretPlace(id, "secretEncrypted")),
      previousSecretEncrypted: encryptField(current, dataKeyring(), secretPlace(id, "previousSecretEncrypted")),
      previousSecretUntil: new Date(now.getTime() + ROTATION_OVERLAP_MS),
    },
  });
  await audit(db, {
    actorUserId: adminUserId,
    action: "webhook_endpoint.secret_rotated",
    targetType: "WebhookEndpoint",
    targetId: id,
  });
  return secret;
}

/** Stops sending to an endpoint; what was waiting for it is not sent. */
export async function disableWebhookEndpoint(id: string, adminUserId: string): Promise<boolean> {
  const done = await db.webhookEndpoint.updateMany({
    where: { id, disabledAt: null },
    data: { disabledAt: new Date() },
  });
  if (done.count === 0) return false;
  await audit(db, {
    actorUserId: adminUserId,
    action: "webhook_endpoint.disabled",
    targetType: "WebhookEndpoint",
    targetId: id,
  });
  return true;
}

export async function listWebhookEndpoints(): Promise<WebhookEndpointView[]> {
  const rows = await db.webhookEndpoint.findMany({ orderBy: [{ disabledAt: "asc" }, { createdAt: "desc" }] });
  return rows.map((row) => endpointView(row));
}

/** The secrets that sign a message now: the current one, and the previous one during a rotation. */
export function signingSecrets(row: WebhookEndpoint, now = new Date()): string[] {
  const keyring = dataKeyring();
  const secrets = [decryptField(row.secretEncrypted, keyring, secretPlace(row.id, "secretEncrypted"))];
  if (row.previousSecretEncrypted && row.previousSecretUntil && row.previousSecretUntil > now)
    secrets.push(decryptField(row.previousSecretEncrypted, keyring, secretPlace(row.id, "previousSecretEncrypted")));
  return secrets;
}

export function eventTypesOf(row: Pick<WebhookEndpoint, "eventTypes">): WebhookEventType[] {
  const types = Array.isArray(row.eventTypes) ? row.eventTypes : [];
  return types.filter((type): type is WebhookEventType => WEBHOOK_EVENT_TYPE_NAMES.includes(type as WebhookEventType));
}

function endpointView(row: WebhookEndpoint, now = new Date()): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: eventTypesOf(row),
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
    rotatingUntil:
      row.previousSecretUntil && row.previousSecretUntil > now ? row.previousSecretUntil.toISOString() : null,
  };
}
