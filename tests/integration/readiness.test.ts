import { describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import { checkReadiness } from "@/lib/server/operations/readiness";

/** #14 line 6: readiness checks the database and its migrations (liveness stays /api/health). */
describe("readiness", () => {
  it("is ready on a migrated database, and not while a migration is unfinished", async () => {
    expect(await checkReadiness()).toEqual({ status: "ready" });
    const [last] = await db.$queryRaw<{ id: string; finished_at: unknown }[]>`
      SELECT "id", "finished_at" FROM "_prisma_migrations" ORDER BY "started_at" DESC LIMIT 1`;
    await db.$executeRaw`UPDATE "_prisma_migrations" SET "finished_at" = NULL WHERE "id" = ${last!.id}`;
    try {
      expect(await checkReadiness()).toMatchObject({
        status: "not-ready",
        reason: expect.stringMatching(/did not finish/),
      });
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET "finished_at" = ${last!.finished_at} WHERE "id" = ${last!.id}`;
    }
    expect(await checkReadiness()).toEqual({ status: "ready" });
  });
});
