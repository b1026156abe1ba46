import "server-only";
import { dueAt, STAGE_IDS, STAGES, stageOf } from "@/lib/dashboard/stages";
import { normalizeBrandDetails } from "@/lib/trusthub/brand-details";
import type { ApplicationDraft } from "@/lib/schemas/onboarding/application";
import { db } from "../db";

const TRACKED_STEPS = ["customer-profile", "trust-product", "brand", "campaign"];

/**
 * Rewrites the dashboard's summary of one application (decision 0008) from the application, its
 * provisioning job and the Twilio statuses on record. Called after every change to any of them;
 * safe to call any number of times. The stage's start time only moves when the stage changes.
 */
export async function refreshDashboardRow(applicationId: string): Promise<void> {
  const application = await db.onboardingApplication.findUnique({
    where: { id: applicationId },
    include: {
      organization: { select: { name: true, users: { select: { email: true } }, invitations: { where: { acceptedAt: null }, select: { email: true } } } },
    },
  });
  if (!application) return;
  const [job, resources] = await Promise.all([
    db.provisioningJob.findUnique({ where: { applicationId }, select: { state: true, updatedAt: true } }),
    db.twilioResource.findMany({ where: { applicationId, step: { in: TRACKED_STEPS } }, select: { step: true, status: true, details: true, statusUpdatedAt: true, updatedAt: true } }),
  ]);
  const statusOf = (step: string) => resources.find((resource) => resource.step === step)?.status ?? null;
  const brand = resources.find((resource) => resource.step === "brand");
  const brandDetails = normalizeBrandDetails(brand?.details as Record<string, unknown> | null);

  const stage = stageOf({
    applicationStatus: application.status,
    jobState: job?.state ?? null,
    profileStatus: statusOf("customer-profile"),
    trustProductStatus: statusOf("trust-product"),
    brandStatus: statusOf("brand"),
    campaignStatus: statusOf("campaign"),
  });
  const now = new Date();
  const stageSince = stage === application.stage && application.displayName !== "" ? application.stageSince : now;
  const business = ((application.draft ?? {}) as ApplicationDraft).business ?? {};
  const businessName = typeof business.businessName === "string" ? business.businessName.trim() : "";
  const registrationNumber = typeof business.registrationNumber === "string" ? business.registrationNumber.trim() : "";
  const emails = [...application.organization.users, ...application.organization.invitations].map((person) => person.email);
  const activity = [application.updatedAt, job?.updatedAt, ...resources.map((resource) => resource.statusUpdatedAt ?? resource.updatedAt)].filter((date): date is Date => !!date);

  await db.onboardingApplication.update({
    where: { id: applicationId },
    data: {
      stage,
      stageRank: STAGE_IDS.indexOf(stage),
      stageSince,
      needsAction: STAGES[stage].attention,
      dueAt: dueAt(stage, stageSince),
      displayName: businessName || application.organization.name,
      searchText: [businessName, application.organization.name, registrationNumber, registrationNumber.replace(/\D/g, ""), ...emails].filter(Boolean).join(" ").toLowerCase(),
      registrationNumber: registrationNumber || null,
      profileStatus: statusOf("customer-profile"),
      trustProductStatus: statusOf("trust-product"),
      brandStatus: statusOf("brand"),
      identityStatus: brandDetails.identityStatus,
      brandScore: brandDetails.brandScore,
      campaignStatus: statusOf("campaign"),
      lastActivityAt: new Date(Math.max(...activity.map((date) => date.getTime()))),
      // The summary is not an edit: the row's own change time stays the customer's.
      updatedAt: application.updatedAt,
    },
  });
}

/** Every application of an organization (after its users or invitations change: the search text holds their emails). */
export async function refreshOrganizationRows(organizationId: string): Promise<void> {
  const applications = await db.onboardingApplication.findMany({ where: { organizationId }, select: { id: true } });
  for (const { id } of applications) await refreshDashboardRow(id);
}

/**
 * Rows never summarized (written before the dashboard existed) and rows whose stage may have moved
 * without an event reaching us: run by the status sync.
 */
export async function refreshUnsummarizedRows(limit = 500): Promise<number> {
  const rows = await db.onboardingApplication.findMany({ where: { displayName: "" }, select: { id: true }, take: limit });
  for (const { id } of rows) await refreshDashboardRow(id);
  return rows.length;
}
