import { createPrismaClient } from "../../lib/server/prisma-client";
import { seedDemo } from "../../prisma/seed";
import { migrateDatabase } from "../../scripts/db-migrate";
import { ACME } from "../support/acme";

/**
 * Before the two instances start: DATABASE_URL (a new, empty PostgreSQL database) migrated with
 * `migrate deploy` as production does, the demo logins and ISV settings seeded, and `count`
 * customers whose applications (the seeds' Acme data, each under its own name) wait for staff.
 * Prints the applications' ids as JSON on its last line.
 */
async function main() {
  const url = process.env.DATABASE_URL!;
  const count = Number(process.argv[2] ?? 50);
  migrateDatabase(url, { quiet: true });
  await seedDemo(url);
  const db = createPrismaClient(url);
  try {
    const ids: string[] = [];
    for (let i = 1; i <= count; i++) {
      const name = `Scale Customer ${String(i).padStart(2, "0")} LLC`;
      const organization = await db.organization.create({ data: { name } });
      const draft = structuredClone({
        ...ACME,
        business: { ...ACME.business, businessName: name },
        address: { ...ACME.address, customerName: name },
      });
      const application = await db.onboardingApplication.create({
        data: { organizationId: organization.id, draft, status: "SUBMITTED", submittedAt: new Date() },
      });
      ids.push(application.id);
    }
    console.info(JSON.stringify(ids));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
