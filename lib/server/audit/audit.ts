import type { Prisma, PrismaClient } from "@prisma/client";

import { redactValue } from "@/lib/logging/redact";

export type AuditEntry = {
  actorUserId?: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  organizationId?: string | null;
  /** Ids, counts and statuses only: never passwords, tokens or personal data. */
  metadata?: Prisma.InputJsonValue;
};

type AuditWriter = Pick<PrismaClient, "auditLog"> | Prisma.TransactionClient;

export async function audit(db: AuditWriter, entry: AuditEntry): Promise<void> {
  // Whatever a caller puts in the metadata, personal data does not reach the audit trail.
  const metadata = entry.metadata === undefined ? undefined : (redactValue(entry.metadata) as Prisma.InputJsonValue);
  await db.auditLog.create({ data: { ...entry, ...(metadata === undefined ? {} : { metadata }) } });
}
