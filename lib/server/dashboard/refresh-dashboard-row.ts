import "server-only";

import type { Prisma } from "@prisma/client";

import { awaitedVerification, verificationMethodForDraft } from "@/lib/brand/verification";
import { draftSummaryFields } from "@/lib/dashboard/draft-summary-fields";
import { nameSortKey } from "@/lib/dashboard/name-sort-key";
import { searchWords } from "@/lib/dashboard/search-words";
import { dueAt, STAGE_IDS, stageOf, STAGES } from "@/lib/dashboard/stages";
import { brandDetailsOf } from "@/lib/trusthub/ledger-details";

import { readStoredDraft } from "../applications/stored-draft";
import { blindIndex } from "../crypto/field-cipher";
import { dataKeyring } from "../crypto/keyring";
import { db } from "../db";

const TRACKED_STEPS = ["customer-profile", "trust-product", "brand", "campaign"];
const BATCH = 500;

const APPLICATION_INCLUDE = {
  organization: {
    select: {
      name: true,
      users: { select: { email: true } },
      invitations: { where: { acceptedAt: null }, select: { email: true } },
    },
  },
} satisfies Prisma.OnboardingApplicationInclude;

export type Loaded = Prisma.OnboardingApplicationGetPayload<{ include: typeof APPLICATION_INCLUDE }>;
export type Job = { applicationId: string; state: string; updatedAt: Date };
export type Resource = {
  applicationId: string;
  step: string;
  status: string | null;
  details: Prisma.JsonValue;
  statusUpdatedAt: Date | null;
  updatedAt: Date;
};

/** The dashboard columns of one application, from what is on record. Pure. */
export function summarize(
  application: Loaded,
  job: Job | undefined,
  resources: Resource[],
  now: Date,
): Prisma.OnboardingApplicationUpdateInput {
  const statusOf = (step: string) => resources.find((resource) => resource.step === step)?.status ?? null;
  const brand = resources.find((resource) => resource.step === "brand");
  const brandDetails = brandDetailsOf(brand?.details);
  const draft = readStoredDraft(application.draft, application.id);
  const stage = stageOf({
    awaitedVerification: awaitedVerification(verificationMethodForDraft(draft), {
      status: statusOf("brand"),
      identityStatus: brandDetails.identityStatus,
      errorCodes: brandDetails.errors.map((error) => error.code),
      mock: brandDetails.mock === true,
    }),
    applicationStatus: application.status,
    jobState: job?.state ?? null,
    profileStatus: statusOf("customer-profile"),
    trustProductStatus: statusOf("trust-product"),
    brandStatus: statusOf("brand"),
    brandIdentity: brandDetails.identityStatus,
    campaignStatus: statusOf("campaign"),
  });
  // The stage's start only moves when the stage changes (a row never summarized starts now).
  const stageSince = stage === application.stage && application.displayName !== "" ? application.stageSince : now;
  const { businessName, registrationNumber } = draftSummaryFields(draft);
  const emails = [...application.organization.users, ...application.organization.invitations].map(
    (person) => person.email,
  );
  const activity = [
    application.updatedAt,
    job?.updatedAt,
    ...resources.map((resource) => resource.statusUpdatedAt ?? resource.updatedAt),
  ].filter((date): date is Date => !!date);
  return {
    stage,
    stageRank: STAGE_IDS.indexOf(stage),
    stageSince,
    needsAction: STAGES[stage].attention,
    dueAt: dueAt(stage, stageSince),
    displayName: businessName || application.organization.name,
    sortName: nameSortKey(businessName || application.organization.name),
    searchText: searchWords([businessName, application.organization.name, ...emails].join(" ")).join(" "),
    registrationNumberHint: registrationNumberHint(registrationNumber),
    registrationNumberIndex: registrationNumberIndexOf(registrationNumber),
    profileStatus: statusOf("customer-profile"),
    trustProductStatus: statusOf("trust-product"),
    brandStatus: statusOf("brand"),
    identityStatus: brandDetails.identityStatus,
    brandScore: brandDetails.brandScore,
    campaignStatus: statusOf("campaign"),
    lastActivityAt: new Date(Math.max(...activity.map((date) => date.getTime()))),
    // The summary is not an edit: the row's own change time stays the customer's.
    updatedAt: application.updatedAt,
  };
}

/** How often a rewrite reads again after others wrote the row first; each retry means one of them landed. */
const MAX_ROUNDS = 20;

/**
 * Rewrites the dashboard's summary of these applications (decision 0008) from the applications,
 * their provisioning jobs and the Twilio statuses on record, a batch at a time. Called after every
 * change to any of them; safe to call any number of times, at once, on any instance.
 *
 * Each row is written only if nobody wrote it since it was read (its summary version and its change
 * time, compare-and-set), and read again if somebody did: a rewrite that read a status before a
 * change cannot land after the rewrite that followed the change, and a draft saved meanwhile keeps
 * its change time. The application is read before its statuses, so a version still current at the
 * write vouches for statuses at least as new as the rewrite's start.
 */
export async function refreshDashboardRows(applicationIds: string[], now = new Date()): Promise<void> {
  for (let start = 0; start < applicationIds.length; start += BATCH) {
    let ids = applicationIds.slice(start, start + BATCH);
    for (let round = 0; ids.length; round++) {
      if (round === MAX_ROUNDS) throw new Error(`the dashboard rows of ${ids.length} applications kept changing`);
      ids = await rewriteUnlessChanged(ids, now);
    }
  }
}

/** One round: reads and rewrites the rows, and returns those somebody else wrote meanwhile. */
async function rewriteUnlessChanged(ids: string[], now: Date): Promise<string[]> {
  const applications = await db.onboardingApplication.findMany({
    where: { id: { in: ids } },
    include: APPLICATION_INCLUDE,
  });
  const [jobs, resources] = await Promise.all([
    db.provisioningJob.findMany({
      where: { applicationId: { in: ids } },
      select: { applicationId: true, state: true, updatedAt: true },
    }),
    db.twilioResource.findMany({
      where: { applicationId: { in: ids }, step: { in: TRACKED_STEPS } },
      select: {
        applicationId: true,
        step: true,
        status: true,
        details: true,
        statusUpdatedAt: true,
        updatedAt: true,
      },
    }),
  ]);
  const jobOf = new Map(jobs.map((job) => [job.applicationId, job]));
  const resourcesOf = new Map<string, Resource[]>();
  for (const resource of resources)
    resourcesOf.set(resource.applicationId, [...(resourcesOf.get(resource.applicationId) ?? []), resource]);
  // In id order: writers of overlapping batches (the sync, an approval) take the rows' locks in the
  // same order on PostgreSQL, so they wait for one another and never deadlock.
  applications.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const written = await db.$transaction(
    applications.map((application) =>
      db.onboardingApplication.updateMany({
        where: { id: application.id, summaryVersion: application.summaryVersion, updatedAt: application.updatedAt },
        data: {
          ...summarize(application, jobOf.get(application.id), resourcesOf.get(application.id) ?? [], now),
          summaryVersion: { increment: 1 },
        },
      }),
    ),
  );
  return applications.filter((_, index) => written[index]!.count === 0).map((application) => application.id);
}

export const refreshDashboardRow = (applicationId: string) => refreshDashboardRows([applicationId]);

/** Every application of an organization (after its users or invitations change: the search text holds their emails). */
export async function refreshOrganizationRows(organizationId: string): Promise<void> {
  const applications = await db.onboardingApplication.findMany({ where: { organizationId }, select: { id: true } });
  await refreshDashboardRows(applications.map((application) => application.id));
}

/** Rows never summarized (written before the dashboard existed): run by the status sync. */
export async function refreshUnsummarizedRows(limit = 5000): Promise<number> {
  const rows = await db.onboardingApplication.findMany({
    where: { displayName: "" },
    select: { id: true },
    take: limit,
  });
  await refreshDashboardRows(rows.map((row) => row.id));
  return rows.length;
}

/** What the dashboard finds a registration number by: its blind index (the number is not stored there). */
export function registrationNumberIndexOf(number: string): string | null {
  return number ? blindIndex(number, dataKeyring()) : null;
}

/** What the dashboard shows of a registration number: its last four characters. */
export function registrationNumberHint(number: string): string | null {
  const significant = number.replace(/[^A-Za-z0-9]/g, "");
  return significant.length >= 4 ? `…${significant.slice(-4)}` : null;
}
