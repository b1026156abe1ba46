import "server-only";

import type { TwilioResource } from "@prisma/client";

import { normalizeRegistrationErrors } from "@/lib/brand/details";
import { campaignProblems } from "@/lib/campaign/errors";
import { campaignLedgerDetails } from "@/lib/campaign/ledger-details";
import { describeErrorForLog } from "@/lib/logging/redact";

import { audit } from "../audit/audit";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { emailCustomerUsers } from "../notifications/email-customer-users";
import { mergeLedgerDetails } from "../provisioning/ledger";
import { fetchCampaign } from "../twilio/campaigns";
import { accountBySid } from "../twilio/client";

/**
 * A campaign Twilio failed goes back to the customer: Twilio's errors become comments next to the
 * campaign fields they name, the campaign is theirs to edit again (CHANGES_REQUESTED), and every
 * customer user is emailed. Once fixed and approved, the pipeline updates the same campaign.
 * Errors come with the news (a sync's fetch) or are fetched (an event carries only a code).
 */
export async function reopenFailedCampaign(resource: TwilioResource, errors: unknown): Promise<void> {
  const registration = await db.campaignRegistration.findUnique({
    where: { applicationId: resource.applicationId },
    include: { application: { select: { organizationId: true } } },
  });
  if (registration?.status !== "APPROVED") return;
  const known = Array.isArray(errors) && errors.length ? errors : await fetchCampaignErrors(resource);
  const problems = campaignProblems(known);
  const reopened = await db.$transaction(async (tx) => {
    const updated = await tx.campaignRegistration.updateMany({
      where: { id: registration.id, status: "APPROVED" },
      data: { status: "CHANGES_REQUESTED", version: { increment: 1 } },
    });
    if (updated.count !== 1) return false;
    await tx.reviewComment.updateMany({
      where: { applicationId: registration.id, source: "twilio", resolvedAt: null },
      data: { resolvedAt: new Date() },
    });
    for (const problem of problems)
      await tx.reviewComment.create({
        data: { applicationId: registration.id, field: problem.field, message: problem.message, source: "twilio" },
      });
    await audit(tx, {
      action: "campaign.twilio_failed",
      targetType: "CampaignRegistration",
      targetId: registration.id,
      organizationId: registration.application.organizationId,
      metadata: { fields: problems.map((problem) => problem.field), codes: problems.map((problem) => problem.code) },
    });
    return true;
  });
  if (!reopened) return;
  await emailCustomerUsers(registration.application.organizationId, {
    kind: "campaign_changes",
    subject: "Your messaging campaign needs changes",
    lines: (name) => [
      `The Campaign Registry could not approve ${name}'s A2P campaign.`,
      "",
      "Open your campaign to see what to change, next to each field:",
    ],
    path: "/campaign",
  });
}

async function fetchCampaignErrors(resource: TwilioResource): Promise<unknown> {
  const serviceSid = campaignLedgerDetails(resource.details)?.messagingServiceSid;
  if (!serviceSid) return [];
  try {
    // Paced like every campaign request (the gateway's rate slot, decision 0019).
    const errors = (await fetchCampaign(await accountBySid(resource.accountSid), serviceSid, resource.sid)).errors;
    // An event carries only a code: Twilio's errors are kept in the ledger for the dashboards too.
    if (await mergeLedgerDetails(resource.id, { errors: normalizeRegistrationErrors(errors) }))
      await refreshDashboardRow(resource.applicationId);
    return errors;
  } catch (error) {
    console.error(`[twilio] reasons of failed campaign ${resource.sid} not fetched: ${describeErrorForLog(error)}`);
    return [];
  }
}
