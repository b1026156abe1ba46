import "server-only";

import type { TwilioResource } from "@prisma/client";

import { normalizeBrandDetails } from "@/lib/brand/details";
import { brandAttempts, brandFailureProblems } from "@/lib/brand/resubmission";
import { onlyTwoFactorRetryNeeded } from "@/lib/brand/verification";
import { describeErrorForLog } from "@/lib/logging/redact";

import { returnToCustomer } from "../applications/return-to-customer";
import { audit } from "../audit/audit";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { enqueueProvisioning } from "../jobs/enqueue";
import { emailCustomerUsers } from "../notifications/email-customer-users";
import { requestPhase } from "../provisioning/job";
import { mergeLedgerDetails } from "../provisioning/ledger";
import { fetchBrand } from "../twilio/brands";
import { accountBySid } from "../twilio/client";
import { brandResubmissionRequested, sentBrandResubmissions, WAITING_RESUBMISSION } from "./brand-resubmissions";

/**
 * A brand The Campaign Registry FAILED goes back to the customer (#13): Twilio's errors next to
 * the fields they name, an attempt recorded as requested so that, once the fix is approved, the
 * pipeline updates the bundles' items and resubmits the same brand. With no resubmission left the
 * customer is told their provider will be in touch, and staff see what they can still do.
 */
export async function reopenOnBrandFailure(resource: TwilioResource, details: unknown): Promise<void> {
  const application = await db.onboardingApplication.findUnique({ where: { id: resource.applicationId } });
  if (!application) return;
  // Already with the customer (a bundle Twilio rejected failed the brand too): the attempt is still
  // requested, so that the fix they are making resubmits the brand once the bundles are approved.
  const withCustomer = application.status !== "APPROVED";
  let brand = normalizeBrandDetails((details ?? resource.details) as Record<string, unknown> | null);
  if (!brand.errors.length) {
    // The event carried no errors (Twilio's brand-failure example has none): fetched, and kept.
    brand = await fetchBrandDetails(resource, brand);
    if (
      brand.errors.length &&
      (await mergeLedgerDetails(resource.id, { errors: brand.errors, failureReason: brand.failureReason }))
    )
      await refreshDashboardRow(resource.applicationId);
  }
  // An Authentication+ verification that expired or timed out has nothing for the customer to fix:
  // staff re-trigger it (the verification card), so the application stays where it is.
  if (onlyTwoFactorRetryNeeded(brand.errors.map((error) => error.code))) return;
  const attempts = brandAttempts(await sentBrandResubmissions(resource.sid));
  if (attempts.left === 0) {
    if (withCustomer) return;
    await audit(db, {
      action: "brand.resubmissions_exhausted",
      targetType: "TwilioResource",
      targetId: resource.sid,
      organizationId: application.organizationId,
      metadata: { used: attempts.used },
    });
    await emailCustomerUsers(application.organizationId, {
      kind: "brand_attention",
      subject: "Your brand registration could not be verified",
      lines: (name) => [
        `The Campaign Registry could not verify ${name}'s brand, and it cannot be resubmitted again.`,
        "Our team will contact you about what can still be done. The reasons are on your home page:",
      ],
      path: "/home",
    });
    return;
  }
  const requested = await db.brandResubmission.findFirst({
    where: { brandSid: resource.sid, state: WAITING_RESUBMISSION },
  });
  if (!requested)
    await db.brandResubmission
      .create({
        data: {
          applicationId: resource.applicationId,
          brandSid: resource.sid,
          attempt: attempts.used + 1,
          reason: brand.errors
            .map((error) => `${error.code ?? ""} ${error.description}`.trim())
            .join(" | ")
            .slice(0, 2000),
        },
      })
      // Two reports of the same failure at once: the unique (brand, attempt) keeps one row.
      .catch(() => undefined);
  if (withCustomer) return;
  await returnToCustomer(
    resource.applicationId,
    brandFailureProblems(brand.errors, brand.failureReason),
    "brand-failed",
    attempts.left - 1,
  );
}

async function fetchBrandDetails(resource: TwilioResource, known: ReturnType<typeof normalizeBrandDetails>) {
  try {
    // Paced like every brand request (the gateway's rate slot, decision 0019).
    const brand = await fetchBrand(await accountBySid(resource.accountSid), resource.sid);
    return normalizeBrandDetails(brand as unknown as Record<string, unknown>);
  } catch (error) {
    console.error(`[twilio] reasons of failed brand ${resource.sid} not fetched: ${describeErrorForLog(error)}`);
    return known;
  }
}

/**
 * Trust Hub approved a bundle: a brand resubmission that waited for it can go now. The job runs
 * again (its other steps find everything done).
 */
export async function resumeWaitingBrandResubmission(applicationId: string): Promise<void> {
  if (!(await brandResubmissionRequested(applicationId))) return;
  const application = await db.onboardingApplication.findUnique({
    where: { id: applicationId },
    select: { status: true },
  });
  if (application?.status !== "APPROVED") return;
  // Queued now when idle, after the running phase otherwise, behind a failure staff must retry.
  const outcome = await db.$transaction((tx) =>
    requestPhase(tx, applicationId, "registration", { clearsFailure: false }),
  );
  if (outcome === "queued") await enqueueProvisioning(applicationId);
}

/** The brand resubmission the next approval will send, if one is waiting (what staff are told before approving). */
export async function pendingBrandResubmission(
  applicationId: string,
): Promise<{ attempt: number; limit: number } | null> {
  const pending = await db.brandResubmission.findFirst({
    where: { applicationId, state: WAITING_RESUBMISSION },
    orderBy: { attempt: "asc" },
  });
  return pending ? { attempt: pending.attempt, limit: brandAttempts(0).limit } : null;
}
