import "server-only";

import { db } from "../db";

export type DeliveryLogEntry = {
  id: string;
  eventId: string;
  eventType: string;
  customer: string;
  endpointUrl: string;
  state: string;
  attempts: number;
  nextAttemptAt: string | null;
  tries: { at: string; status: number | null; answer: string; durationMs: number }[];
};

/** The newest deliveries, each with every try and what the endpoint answered (the admin's log). */
export async function recentDeliveries(limit = 50): Promise<DeliveryLogEntry[]> {
  const rows = await db.webhookDelivery.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: {
      event: { select: { type: true } },
      endpoint: { select: { url: true } },
      tries: { orderBy: { at: "asc" } },
    },
  });
  const names = new Map(
    (
      await db.organization.findMany({
        where: { id: { in: [...new Set(rows.map((row) => row.organizationId))] } },
        select: { id: true, name: true },
      })
    ).map((organization) => [organization.id, organization.name]),
  );
  return rows.map((row) => ({
    id: row.id,
    eventId: row.eventId,
    eventType: row.event.type,
    customer: names.get(row.organizationId) ?? row.organizationId,
    endpointUrl: row.endpoint.url,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.state === "PENDING" ? row.nextAttemptAt.toISOString() : null,
    tries: row.tries.map((attempt) => ({
      at: attempt.at.toISOString(),
      status: attempt.status,
      answer: attempt.error ?? attempt.responseBody.slice(0, 200),
      durationMs: attempt.durationMs,
    })),
  }));
}
