import "server-only";

import type { Prisma } from "@prisma/client";

import { adoptedLedger } from "@/lib/adoption/adopted-ledger";
import { applicationDraftFromTwilio, campaignDraftFromTwilio } from "@/lib/adoption/draft-from-twilio";
import type { ProposedCustomer } from "@/lib/adoption/group";
import { describeErrorForLog } from "@/lib/logging/redact";

import { toStoredDraft } from "../applications/stored-draft";
import { audit } from "../audit/audit";
import { refreshOrganizationRows } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { enqueueAdoptionScan } from "../jobs/enqueue";
import { sealAuthToken } from "../twilio/account-credentials";
import { fetchAccount } from "../twilio/accounts";
import { candidatePersonal, type AdoptionHandles } from "./adoption-run";

/**
 * Staff's choice for one customer found: a new organization, the organization it matched (or the one
 * staff chose instead: `chosen` of confirmAdoption), or leave it out.
 */
export type AdoptionDecision = "new" | "match" | "leave";

/** What the page proposes when staff say nothing: the match if any, else a new organization. */
export const defaultDecision = (candidate: { matchOrganizationId: string | null }): AdoptionDecision =>
  candidate.matchOrganizationId ? "match" : "new";

export type ConfirmOutcome =
  { ok: true; confirmed: number; leftOut: number; known: number } | { ok: false; reason: string };

/**
 * Staff confirm a scan's proposal (#28 line 1): each customer is brought in as decided (a customer
 * the portal already records stays as it is), in the background by the adoption job. Once only per
 * scan: the run's state moves from PROPOSED in the same transaction.
 */
export async function confirmAdoption(
  runId: string,
  decisions: Record<string, AdoptionDecision>,
  staffUserId: string,
  /** Staff's correction of a match: the candidate goes to this organization instead. */
  chosen: Record<string, string> = {},
): Promise<ConfirmOutcome> {
  const outcome = await db.$transaction(async (tx) => {
    const moved = await tx.adoptionRun.updateMany({
      where: { id: runId, state: "PROPOSED" },
      data: { state: "ADOPTING", confirmedById: staffUserId, confirmedAt: new Date() },
    });
    if (moved.count === 0)
      return { ok: false as const, reason: "This scan was confirmed already, or is still reading." };
    const candidates = await tx.adoptionCandidate.findMany({
      where: { runId, state: "PROPOSED" },
      select: { id: true, matchOrganizationId: true, matchBy: true },
    });
    const counts = { confirmed: 0, leftOut: 0, known: 0 };
    for (const candidate of candidates) {
      const corrected = chosen[candidate.id];
      let decision = corrected ? "match" : (decisions[candidate.id] ?? defaultDecision(candidate));
      if (decision === "match" && !candidate.matchOrganizationId && !corrected) decision = "new";
      // The portal's ledger records it: it is in already, whatever was chosen (never a second organization).
      if (candidate.matchBy === "portal") {
        counts.known++;
        await tx.adoptionCandidate.update({
          where: { id: candidate.id },
          data: { state: "KNOWN", organizationId: candidate.matchOrganizationId },
        });
      } else if (decision === "leave") {
        counts.leftOut++;
        await tx.adoptionCandidate.update({ where: { id: candidate.id }, data: { state: "LEFT_OUT" } });
      } else {
        counts.confirmed++;
        await tx.adoptionCandidate.update({
          where: { id: candidate.id },
          data: {
            state: "CONFIRMED",
            decision,
            ...(corrected ? { matchOrganizationId: corrected, matchBy: "staff" } : {}),
          },
        });
      }
    }
    await audit(tx, {
      actorUserId: staffUserId,
      action: "adoption.confirmed",
      targetType: "AdoptionRun",
      targetId: runId,
      metadata: counts,
    });
    return { ok: true as const, ...counts };
  });
  if (outcome.ok) await enqueueAdoptionScan();
  return outcome;
}

/**
 * Brings the confirmed customers of confirmed scans in, on any instance; each exactly once (its
 * state moves in the transaction that creates it). A run with none left is ADOPTED. Returns how
 * many were brought in.
 */
export async function continueAdoptions(handles: AdoptionHandles): Promise<number> {
  let adopted = 0;
  const failedThisSweep = new Set<string>();
  for (;;) {
    const next = await db.adoptionCandidate.findFirst({
      where: { state: "CONFIRMED", run: { state: "ADOPTING" }, id: { notIn: [...failedThisSweep] } },
      orderBy: [{ runId: "asc" }, { name: "asc" }, { id: "asc" }],
    });
    if (!next) break;
    try {
      if (await adoptCandidate(next, handles)) adopted++;
    } catch (error) {
      // Kept for the page; the candidate stays CONFIRMED and the next sweep tries it again.
      failedThisSweep.add(next.id);
      await db.adoptionCandidate.update({ where: { id: next.id }, data: { error: describeErrorForLog(error) } });
    }
  }
  const adopting = await db.adoptionRun.findMany({ where: { state: "ADOPTING" }, select: { id: true } });
  for (const { id } of adopting) {
    if (await db.adoptionCandidate.count({ where: { runId: id, state: "CONFIRMED" } })) continue;
    const done = await db.adoptionRun.updateMany({ where: { id, state: "ADOPTING" }, data: { state: "ADOPTED" } });
    if (done.count)
      await audit(db, {
        action: "adoption.finished",
        targetType: "AdoptionRun",
        targetId: id,
        metadata: { adopted: await db.adoptionCandidate.count({ where: { runId: id, state: "ADOPTED" } }) },
      });
  }
  return adopted;
}

type Candidate = {
  id: string;
  runId: string;
  accountSid: string;
  customerProfileSid: string;
  name: string;
  ownsAccount: boolean;
  resources: Prisma.JsonValue;
  personalEncrypted: string;
  matchOrganizationId: string | null;
  decision: string | null;
};

/**
 * One customer in, as if the portal had provisioned it: organization (with its subaccount and that
 * account's token, fetched read-only), application APPROVED with its draft from Twilio's data (in
 * staff review when Twilio holds no brand yet), the ledger of every resource, a finished
 * provisioning job, the campaign registration and sender numbers. False when another instance took it, or it could not be brought in (kept with why).
 */
async function adoptCandidate(candidate: Candidate, handles: AdoptionHandles): Promise<boolean> {
  const customer: ProposedCustomer = {
    ...(candidate.resources as unknown as Omit<ProposedCustomer, "personal">),
    personal: candidatePersonal(candidate),
  };
  // A customer alone in its subaccount: the organization records that account and its token (Twilio
  // signs the subaccount's callbacks with it), fetched with a GET like the rest of the scan.
  const subaccount = candidate.ownsAccount ? candidate.accountSid : null;
  const authToken = subaccount ? (await fetchAccount(handles.isv, subaccount)).authToken : null;
  const run = await db.adoptionRun.findUniqueOrThrow({ where: { id: candidate.runId } });
  const now = new Date();
  const result = await db.$transaction(async (tx) => {
    const claimed = await tx.adoptionCandidate.updateMany({
      where: { id: candidate.id, state: "CONFIRMED" },
      data: { state: "ADOPTED", error: null },
    });
    if (claimed.count === 0) return null;
    const refuse = async (error: string) => {
      await tx.adoptionCandidate.update({ where: { id: candidate.id }, data: { state: "FAILED", error } });
      return null;
    };
    // Brought in by an earlier scan (or provisioned by the portal) since this one was read.
    const known = await tx.twilioResource.findFirst({
      where: { step: "customer-profile", sid: candidate.customerProfileSid },
      select: { applicationId: true },
    });
    if (known) {
      const application = await tx.onboardingApplication.findUnique({
        where: { id: known.applicationId },
        select: { organizationId: true },
      });
      await tx.adoptionCandidate.update({
        where: { id: candidate.id },
        data: { state: "KNOWN", organizationId: application?.organizationId ?? null },
      });
      return null;
    }
    let organizationId: string;
    let applicationId: string | null = null;
    if (candidate.decision === "match" && candidate.matchOrganizationId) {
      const organization = await tx.organization.findUnique({
        where: { id: candidate.matchOrganizationId },
        include: { applications: { select: { id: true, status: true }, orderBy: { createdAt: "asc" } } },
      });
      if (!organization) return refuse("The organization it matched no longer exists.");
      const taken = organization.applications.find((application) => application.status !== "DRAFT");
      if (taken)
        return refuse(
          `${organization.name} already has an application past its draft: bringing this one in would give it two registrations.`,
        );
      if (subaccount && organization.twilioAccountSid && organization.twilioAccountSid !== subaccount)
        return refuse(`${organization.name} already works in another Twilio subaccount.`);
      const ids = organization.applications.map((application) => application.id);
      if (ids.length && (await tx.twilioResource.count({ where: { applicationId: { in: ids } } })))
        return refuse(`${organization.name} already has resources at Twilio recorded by the portal.`);
      organizationId = organization.id;
      // Its unsent draft gives way to what Twilio holds: that is what was registered.
      applicationId = organization.applications[0]?.id ?? null;
    } else {
      const organization = await tx.organization.create({ data: { name: customer.name } });
      organizationId = organization.id;
      await audit(tx, {
        actorUserId: run.confirmedById,
        action: "organization.created",
        targetType: "Organization",
        targetId: organizationId,
        organizationId,
        metadata: { adoption: run.id },
      });
    }
    if (subaccount && authToken) {
      const holder = await tx.organization.findUnique({
        where: { twilioAccountSid: subaccount },
        select: { id: true },
      });
      if (holder && holder.id !== organizationId) return refuse("Another organization already has this subaccount.");
      await tx.organization.update({
        where: { id: organizationId },
        data: { twilioAccountSid: subaccount, twilioAuthTokenEncrypted: sealAuthToken(authToken, organizationId) },
      });
    }
    const application = applicationId
      ? await tx.onboardingApplication.update({ where: { id: applicationId }, data: {} })
      : await tx.onboardingApplication.create({ data: { organizationId, draft: {} } });
    // Without a brand at Twilio, registering one is a fee nobody has agreed to: the application waits
    // in staff review (its brand type chosen there), and staff's approval registers the brand on the
    // bundles recorded below. With a brand, it is approved, as the portal would have left it.
    const awaitsBrand = !customer.brand;
    await tx.onboardingApplication.update({
      where: { id: application.id },
      data: {
        draft: toStoredDraft(applicationDraftFromTwilio(customer), application.id) as Prisma.InputJsonValue,
        status: awaitsBrand ? "SUBMITTED" : "APPROVED",
        submittedAt: now,
        approvedAt: awaitsBrand ? null : now,
        version: { increment: 1 },
      },
    });
    await tx.twilioResource.createMany({
      data: adoptedLedger(customer).map((row) => ({
        applicationId: application.id,
        step: row.step,
        sid: row.sid,
        accountSid: candidate.accountSid,
        status: row.status,
        statusUpdatedAt: row.status ? now : null,
        ...(row.details ? { details: row.details as Prisma.InputJsonValue } : {}),
      })),
    });
    if (!awaitsBrand)
      await tx.provisioningJob.upsert({
        where: { applicationId: application.id },
        create: {
          applicationId: application.id,
          state: "DONE",
          phase: customer.campaign ? "campaign" : "registration",
          finishedAt: now,
        },
        update: { state: "DONE", phase: customer.campaign ? "campaign" : "registration", finishedAt: now },
      });
    if (customer.campaign)
      await tx.campaignRegistration.create({
        data: {
          applicationId: application.id,
          status: "APPROVED",
          draft: campaignDraftFromTwilio(customer.campaign.usecase, customer.campaign.fields) as Prisma.InputJsonValue,
          submittedAt: now,
          approvedAt: now,
          approvedById: run.confirmedById,
        },
      });
    for (const number of customer.phoneNumbers) {
      await tx.senderNumber.create({
        data: { applicationId: application.id, phoneNumberSid: number.sid, phoneNumber: number.phoneNumber },
      });
      // The number is this customer's (in its subaccount that follows from the account; in the ISV's, from here).
      await tx.phoneNumber.upsert({
        where: { phoneNumberSid: number.sid },
        create: {
          phoneNumberSid: number.sid,
          accountSid: candidate.accountSid,
          phoneNumber: number.phoneNumber,
          organizationId,
          origin: "assigned",
          assignedById: run.confirmedById,
        },
        update: {},
      });
    }
    await tx.adoptionCandidate.update({ where: { id: candidate.id }, data: { organizationId } });
    await audit(tx, {
      actorUserId: run.confirmedById,
      action: "adoption.customer_adopted",
      targetType: "OnboardingApplication",
      targetId: application.id,
      organizationId,
      metadata: { adoption: run.id, customerProfileSid: candidate.customerProfileSid },
    });
    return organizationId;
  });
  if (!result) return false;
  await refreshOrganizationRows(result);
  return true;
}

/**
 * The organizations a found customer may be brought into instead of its match: those with no
 * registration yet (their applications all drafts), by name, for the page's list.
 */
export async function adoptableOrganizations(take = 2000): Promise<{ id: string; name: string }[]> {
  return db.organization.findMany({
    where: { applications: { every: { status: "DRAFT" } } },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take,
  });
}
