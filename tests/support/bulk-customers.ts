import type { ApplicationStatus, Prisma, PrismaClient, ProvisioningState } from "@prisma/client";

import type { StageId } from "@/lib/dashboard/stages";
import type { Loaded, summarize } from "@/lib/server/dashboard/refresh-dashboard-row";

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

/**
 * `refresh`: the portal's refreshDashboardRows, run over the customers once written (as the portal
 * does after each change). `summarizeAtInsert`: the portal's pure summary instead, computed as each
 * row is written: the benchmark's 100,000 customers (#27 line 4), where the refresh's 100,000
 * single-row updates took most of five minutes. The same function makes the same columns either way.
 */
export async function seedBulkCustomers(
  db: PrismaClient,
  count: number,
  refresh: (ids: string[], now?: Date) => Promise<void>,
  options: { summarizeAtInsert?: Summarize } = {},
): Promise<BulkCustomer[]> {
  const customers = Array.from({ length: count }, (_, index) => bulkCustomer(index));
  const now = Date.now();
  const batches = Array.from({ length: Math.ceil(count / 1000) }, (_, index) =>
    customers.slice(index * 1000, (index + 1) * 1000),
  );
  const accountSid = "ACd0c5a4db0c5a4db0c5a4db0c5a4db0c5";
  const resourcesOf = (c: BulkCustomer): Prisma.TwilioResourceCreateManyInput[] => {
    const applicationId = `bulk-app-${c.index}`;
    const resources: Prisma.TwilioResourceCreateManyInput[] = [];
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
    if (c.scenario.brand)
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
    return resources;
  };
  // A few batches at once: on PostgreSQL one batch's statements run while another's are prepared;
  // on SQLite they take turns as ever.
  await inTurns(batches, BATCHES_AT_ONCE, async (batch) => {
    // Each customer last active at a moment of its own (5 ms apart, newest first: 100,000 within
    // ten minutes, so no stage's usual time passes), as real customers are: one instant for all
    // would make every "latest activity" sort one long tie.
    const writtenAt = (c: BulkCustomer) => new Date(now - c.index * 5);
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
      data: batch.map((c) => {
        const row = {
          id: `bulk-app-${c.index}`,
          organizationId: `bulk-org-${c.index}`,
          status: c.scenario.status,
          draft: { business: { businessName: c.name, registrationNumber: c.registrationNumber } },
          submittedAt: c.scenario.status === "DRAFT" ? null : new Date(now - 20 * DAY),
          updatedAt: writtenAt(c),
        };
        if (!options.summarizeAtInsert) return row as Prisma.OnboardingApplicationCreateManyInput;
        const loaded = {
          ...row,
          stage: "draft",
          displayName: "",
          stageSince: writtenAt(c),
          organization: { name: c.name, users: [{ email: c.email }], invitations: [] },
        };
        const job = c.scenario.job
          ? { applicationId: row.id, state: c.scenario.job, updatedAt: writtenAt(c) }
          : undefined;
        const resources = resourcesOf(c).map((resource) => ({
          applicationId: row.id,
          step: resource.step,
          status: resource.status ?? null,
          details: (resource.details ?? null) as Prisma.JsonValue,
          statusUpdatedAt: null,
          updatedAt: writtenAt(c),
        }));
        const at = c.stale ? new Date(now - 10 * DAY) : writtenAt(c);
        // What refreshDashboardRows would load from the database for this row, built in memory.
        const summary = options.summarizeAtInsert(loaded as unknown as Loaded, job, resources, at);
        return { ...row, ...summary } as Prisma.OnboardingApplicationCreateManyInput;
      }),
    });
    await db.provisioningJob.createMany({
      data: batch
        .filter((c) => c.scenario.job)
        .map((c) => ({ applicationId: `bulk-app-${c.index}`, state: c.scenario.job!, updatedAt: writtenAt(c) })),
    });
    const resources = batch.flatMap((c) =>
      resourcesOf(c).map((resource) => ({ ...resource, updatedAt: writtenAt(c) })),
    );
    if (resources.length) await db.twilioResource.createMany({ data: resources });
  });
  if (options.summarizeAtInsert) return customers;
  // Summarized by the portal's own code; the stale ones as if it happened ten days ago. Disjoint
  // slices at once, each in the refresh's own batches (its transactions touch different rows).
  const slices = (ids: string[]) =>
    Array.from({ length: Math.ceil(ids.length / 2000) }, (_, index) => ids.slice(index * 2000, (index + 1) * 2000));
  const stale = customers.filter((c) => c.stale).map((c) => `bulk-app-${c.index}`);
  await inTurns(slices(stale), BATCHES_AT_ONCE, (ids) => refresh(ids, new Date(now - 10 * DAY)));
  const fresh = customers.filter((c) => !c.stale).map((c) => `bulk-app-${c.index}`);
  await inTurns(slices(fresh), BATCHES_AT_ONCE, (ids) => refresh(ids));
  return customers;
}

/** The portal's pure dashboard summary (lib/server/dashboard/refresh-dashboard-row.ts). */
type Summarize = typeof summarize;

const BATCHES_AT_ONCE = 4;

/** `work` on every item, at most `atOnce` at a time. */
async function inTurns<T>(items: T[], atOnce: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(atOnce, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}
