import type { Prisma, PrismaClient } from "@prisma/client";

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
  await db.auditLog.create({ data: entry });
}
