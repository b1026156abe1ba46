import type { ApplicationStatus, Prisma, PrismaClient, ProvisioningState } from "@prisma/client";

import type { StageId } from "@/lib/dashboard/stages";

/**
 * Many customers at every stage, written in bulk through Prisma and then summarized by the portal's
 * own refreshDashboardRows: the 10,000-customer tests and the dashboard benchmark use it.
 */
type Scenario = {
  expected: StageId;
  status: ApplicationStatus;
  job?: ProvisioningState;
  profile?: string;
  trustProduct?: string;
  brand?: { status: string; identity?: string; score?: number };
};

export const SCENARIOS: Scenario[] = [
  { expected: "draft", status: "DRAFT" },
  { expected: "draft", status: "DRAFT" },
  { expected: "draft", status: "DRAFT" },
  { expected: "draft", status: "DRAFT" },
  { expected: "in-staff-review", status: "SUBMITTED" },
  { expected: "in-staff-review", status: "SUBMITTED" },
  { expected: "changes-requested", status: "CHANGES_REQUESTED", job: "NEEDS_CUSTOMER" },
  { expected: "provisioning", status: "APPROVED", job: "RUNNING", profile: "draft" },
  { expected: "provisioning-failed", status: "APPROVED", job: "FAILED", profile: "draft" },
  {
    expected: "profile-in-review",
    status: "APPROVED",
    job: "DONE",
    profile: "pending-review",
    trustProduct: "pending-review",
    brand: { status: "PENDING" },
  },
  {
    expected: "profile-in-review",
    status: "APPROVED",
    job: "DONE",
    profile: "in-review",
    trustProduct: "in-review",
    brand: { status: "PENDING" },
  },
  {
    expected: "profile-rejected",
    status: "APPROVED",
    job: "DONE",
    profile: "twilio-rejected",
    trustProduct: "in-review",
    brand: { status: "PENDING" },
  },
  {
    expected: "brand-pending",
    status: "APPROVED",
    job: "DONE",
    profile: "twilio-approved",
    trustProduct: "twilio-approved",
    brand: { status: "PENDING" },
  },
  {
    expected: "brand-pending",
    status: "APPROVED",
    job: "DONE",
    profile: "twilio-approved",
    trustProduct: "twilio-approved",
    brand: { status: "PENDING" },
  },
  {
    expected: "brand-pending",
    status: "APPROVED",
    job: "DONE",
    profile: "twilio-approved",
    trustProduct: "twilio-approved",
    brand: { status: "IN_REVIEW" },
  },
  {
    expected: "brand-failed",
    status: "APPROVED",
    job: "DONE",
    profile: "twilio-approved",
    trustProduct: "twilio-approved",
    brand: { status: "FAILED", identity: "UNVERIFIED" },
  },
  {
    expected: "brand-approved",
    status: "APPROVED",
    job: "DONE",
    profile: "twilio-approved",
    trustProduct: "twilio-approved",
    brand: { status: "APPROVED", identity: "VERIFIED" },
  },
  {
    expected: "brand-approved",
    status: "APPROVED",
    job: "DONE",
    profile: "twilio-approved",
    trustProduct: "twilio-approved",
    brand: { status: "APPROVED", identity: "VETTED_VERIFIED", score: 82 },
  },
  {
    expected: "brand-approved",
    status: "APPROVED",
    job: "DONE",
    profile: "twilio-approved",
    trustProduct: "twilio-approved",
    brand: { status: "APPROVED", identity: "VERIFIED" },
  },
  {
    expected: "brand-approved",
    status: "APPROVED",
    job: "DONE",
    profile: "twilio-approved",
    trustProduct: "twilio-approved",
    brand: { status: "APPROVED", identity: "VETTED_VERIFIED", score: 64 },
  },
];

const WORDS = [
  "Bakery",
  "Dental",
  "Plumbing",
  "Realty",
  "Fitness",
  "Florist",
  "Garage",
  "Clinic",
  "Bistro",
  "Salon",
  "Tutoring",
  "Roofing",
];
const DAY = 86_400_000;

export type BulkCustomer = {
  index: number;
  name: string;
  registrationNumber: string;
  email: string;
  scenario: Scenario;
  stale: boolean;
};

/** The i-th customer: a unique name, EIN and email; every 7th one entered its stage ten days ago. */
export function bulkCustomer(index: number): BulkCustomer {
  const n = String(index).padStart(5, "0");
  return {
    index,
    name: `${WORDS[index % WORDS.length]} ${n} LLC`,
    registrationNumber: `${String(10 + (index % 89)).padStart(2, "0")}-${String(1_000_000 + index * 7).slice(-7)}`,
    email: `owner${n}@customer${n}.example`,
    scenario: SCENARIOS[index % SCENARIOS.length]!,
    stale: index % 7 === 0,
  };
}

const fakeSid = (prefix: string, index: number, salt: number) =>
  `${prefix}${(index * 100 + salt).toString(16).padStart(32, "0")}`;

export async function seedBulkCustomers(
  db: PrismaClient,
  count: number,
  refresh: (ids: string[], now?: Date) => Promise<void>,
): Promise<BulkCustomer[]> {
  const customers = Array.from({ length: count }, (_, index) => bulkCustomer(index));
  const now = Date.now();
  for (let start = 0; start < count; start += 1000) {
    const batch = customers.slice(start, start + 1000);
    await db.organization.createMany({ data: batch.map((c) => ({ id: `bulk-org-${c.index}`, name: c.name })) });
    await db.user.createMany({
      data: batch.map((c) => ({
        email: c.email,
        role: "CUSTOMER" as const,
        organizationId: `bulk-org-${c.index}`,
        passwordHash: "not-a-real-hash",
      })),
    });
    await db.onboardingApplication.createMany({
      data: batch.map((c) => ({
        id: `bulk-app-${c.index}`,
        organizationId: `bulk-org-${c.index}`,
        status: c.scenario.status,
        draft: {
          business: { businessName: c.name, registrationNumber: c.registrationNumber },
        } as Prisma.InputJsonValue,
        submittedAt: c.scenario.status === "DRAFT" ? null : new Date(now - 20 * DAY),
      })),
    });
    await db.provisioningJob.createMany({
      data: batch
        .filter((c) => c.scenario.job)
        .map((c) => ({ applicationId: `bulk-app-${c.index}`, state: c.scenario.job! })),
    });
    const resources: Prisma.TwilioResourceCreateManyInput[] = [];
    for (const c of batch) {
      const applicationId = `bulk-app-${c.index}`;
      const accountSid = "ACd0c5a4db0c5a4db0c5a4db0c5a4db0c5";
      if (c.scenario.profile)
        resources.push({
          applicationId,
          step: "customer-profile",
          sid: fakeSid("BU", c.index, 1),
          accountSid,
          status: c.scenario.profile,
        });
      if (c.scenario.trustProduct)
        resources.push({
          applicationId,
          step: "trust-product",
          sid: fakeSid("BU", c.index, 2),
          accountSid,
          status: c.scenario.trustProduct,
        });
      if (c.scenario.brand) {
        resources.push({
          applicationId,
          step: "brand",
          sid: fakeSid("BN", c.index, 3),
          accountSid,
          status: c.scenario.brand.status,
          details: {
            identityStatus: c.scenario.brand.identity ?? null,
            brandScore: c.scenario.brand.score ?? null,
            errors: [],
          },
        });
      }
    }
    if (resources.length) await db.twilioResource.createMany({ data: resources });
  }
  // Summarized by the portal's own code; the stale ones as if it happened ten days ago.
  await refresh(
    customers.filter((c) => c.stale).map((c) => `bulk-app-${c.index}`),
    new Date(now - 10 * DAY),
  );
  await refresh(customers.filter((c) => !c.stale).map((c) => `bulk-app-${c.index}`));
  return customers;
}
