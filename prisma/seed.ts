import { EMPTY_DRAFT } from "../lib/server/applications/empty-draft";
import { hashPassword } from "../lib/server/auth/password";
import { createPrismaClient } from "../lib/server/prisma-client";
import { PRIMARY_CUSTOMER_PROFILE_SID } from "../sandbox/defaults";
import { loadLocalEnv } from "../scripts/load-env";

/** The demo logins listed in the README. Never seeded in production. */
export const DEMO = {
  staff: { email: "staff@example.com", password: "staff-demo-pass", name: "Demo Staff" },
  customer: { email: "owner@acme.example", password: "customer-demo-pass", name: "Alex Owner" },
  organization: { id: "demo-org-acme", name: "Acme, Inc." },
} as const;

/** Idempotent: running it again changes nothing that exists (not even a changed password). */
export async function seedDemo(databaseUrl = process.env.DATABASE_URL): Promise<void> {
  if (process.env.NODE_ENV === "production") {
    console.info("[seed] skipped: NODE_ENV is production");
    return;
  }
  const db = createPrismaClient(databaseUrl);
  try {
    await db.user.upsert({
      where: { email: DEMO.staff.email },
      update: {},
      create: {
        email: DEMO.staff.email,
        name: DEMO.staff.name,
        role: "ADMIN",
        passwordHash: await hashPassword(DEMO.staff.password),
      },
    });
    await db.organization.upsert({ where: { id: DEMO.organization.id }, update: {}, create: DEMO.organization });
    await db.user.upsert({
      where: { email: DEMO.customer.email },
      update: {},
      create: {
        email: DEMO.customer.email,
        name: DEMO.customer.name,
        role: "CUSTOMER",
        organizationId: DEMO.organization.id,
        passwordHash: await hashPassword(DEMO.customer.password),
      },
    });
    // The ISV's Twilio settings for the embedded mode: the sandbox's primary profile, callbacks to this portal.
    const appUrl = process.env.APP_URL ?? "http://localhost:3000";
    // A public URL the seed wrote for this machine follows APP_URL (another port); one an admin set stays.
    const existingSettings = await db.isvSettings.findUnique({ where: { id: 1 } });
    const seededHere =
      existingSettings?.publicBaseUrl &&
      /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/?$/.test(existingSettings.publicBaseUrl);
    await db.isvSettings.upsert({
      where: { id: 1 },
      update: seededHere && existingSettings?.publicBaseUrl !== appUrl ? { publicBaseUrl: appUrl } : {},
      create: {
        id: 1,
        notificationEmail: "compliance@isv.example",
        primaryCustomerProfileSid: process.env.TWILIO_SANDBOX_URL ? PRIMARY_CUSTOMER_PROFILE_SID : null,
        publicBaseUrl: appUrl,
      },
    });
    const existing = await db.onboardingApplication.findFirst({ where: { organizationId: DEMO.organization.id } });
    if (!existing)
      await db.onboardingApplication.create({ data: { organizationId: DEMO.organization.id, draft: EMPTY_DRAFT } });
    console.info(
      `[seed] demo logins ready: ${DEMO.staff.email} / ${DEMO.staff.password}, ${DEMO.customer.email} / ${DEMO.customer.password}`,
    );
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) {
  loadLocalEnv();
  seedDemo().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
