import { describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";

import { makeOrganization } from "../support/factories";

/**
 * On SQLite, Prisma's adapter ran every query on one connection: a request's write made while
 * another request's transaction was open ran inside it and was rolled back with it, although its
 * caller had been told it was saved (lib/server/sqlite-one-at-a-time.ts, decision 0018). Runs on
 * both databases: PostgreSQL gives each transaction its own connection.
 */
describe("a transaction and the requests around it", () => {
  it("a write made while another request's transaction is open survives that transaction's rollback", async () => {
    const { application } = await makeOrganization("Bystander Co");
    let bystander: Promise<unknown> | undefined;
    const rolledBack = db.$transaction(async (tx) => {
      await tx.organization.create({ data: { name: "Rolled Back Co" } });
      // Another request (an autosave) writes meanwhile, outside this transaction.
      bystander = db.onboardingApplication
        .update({ where: { id: application.id }, data: { currentStep: "address" } })
        .then((row) => row);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await tx.organization.count();
      throw new Error("the approval fails and rolls back");
    });
    await expect(rolledBack).rejects.toThrow("rolls back");
    await bystander;
    expect((await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } })).currentStep).toBe(
      "address",
    );
    expect(await db.organization.count({ where: { name: "Rolled Back Co" } })).toBe(0);
  });

  it("another request does not see a transaction's rows before it commits", async () => {
    await db.$transaction(async (tx) => {
      await tx.organization.create({ data: { name: "Still Open Co" } });
      const during = await Promise.race([
        db.organization.count({ where: { name: "Still Open Co" } }),
        new Promise<"waiting">((resolve) => setTimeout(() => resolve("waiting"), 100)),
      ]);
      // Inside the open transaction the row exists; another request must not count it yet: on
      // SQLite it waits for the commit, on PostgreSQL it counts on its own connection.
      expect(during === "waiting" || during === 0).toBe(true);
    });
    expect(await db.organization.count({ where: { name: "Still Open Co" } })).toBe(1);
  });
});
