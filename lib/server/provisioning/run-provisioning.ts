import "server-only";

import { describeErrorForLog } from "@/lib/logging/redact";
import { parseApplication } from "@/lib/onboarding/schema/application";
import { readStoredDraft } from "@/lib/server/applications/stored-draft";

import { returnToCustomer } from "../applications/return-to-customer";
import { approvedCampaign } from "../campaigns/approved-campaign";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { mockBrandsOn } from "../settings/isv-settings";
import { withPacing, type TwilioAccount } from "../twilio/account";
import { A2P_REQUEST_SPACING_MS } from "../twilio/rate-slot";
import { PACED_REQUEST_PRIORITY, withAccountSlot } from "./account-limiter";
import { isTransient, LeaseLostError, NeedsCustomerError, TwilioStepError } from "./errors";
import { runGraph, type GraphNode } from "./graph";
import { finishRun, markFailed, markRunning, recordCurrentStep, scheduleRetryLater } from "./job";
import { campaignGraph, provisioningGraph, voiceGraph } from "./provisioning-graph";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry";
import type { RunContext, StepContext } from "./step-context";
import { approvedTollfreeVerifications, tollfreeGraph } from "./steps/tollfree";

/**
 * Twilio calls at once per account, across every worker and instance (AccountSlot). Twilio refuses
 * calls over an account's REST concurrency limit with 20429 (its error page names the limit, not a
 * number; 100 is the figure commonly reported): 8 keeps far below it, leaving the ISV's own traffic
 * on the account room, and is enough for a customer's independent steps to start together (the
 * registration graph has nine that need nothing before them).
 */
export const TWILIO_CALLS_AT_ONCE_PER_ACCOUNT = 8;

export type ProvisioningDeps = {
  /** The customer's account as the gateway takes it (its own credentials; the ISV's for its own). */
  accountFor: (organization: {
    id: string;
    twilioAccountSid: string | null;
    twilioAuthTokenEncrypted: string | null;
  }) => TwilioAccount;
  retry?: RetryPolicy;
  /** Twilio calls at once for one account (default TWILIO_CALLS_AT_ONCE_PER_ACCOUNT). */
  concurrency?: number;
  brandSpacingMs?: number;
  /** Brands registered with Twilio's Mock flag (the portal sets it from TWILIO_MOCK_BRANDS). */
  mockBrands?: boolean;
  /** Called as each step starts, with the steps it waited for (the benchmarks draw the graph from it). */
  onStep?: (step: string, deps: string[]) => void;
  /** The worker's hold on the job, re-checked before every create and billable call (worker.ts). */
  fence?: () => Promise<void>;
};

export type ProvisioningOutcome =
  | { state: "DONE" }
  | { state: "NEEDS_CUSTOMER"; fields: number }
  | { state: "FAILED"; step: string; code: number | null; message: string }
  | { state: "RETRY_LATER"; message: string }
  /** Another worker holds the job now: this one stopped without sending or writing anything more. */
  | { state: "LEASE_LOST" };

/**
 * Runs (or resumes) an approved application's provisioning: every step whose SID is known is
 * skipped or updated, the rest created. Safe to run again at any point.
 */
export async function runProvisioning(applicationId: string, deps: ProvisioningDeps): Promise<ProvisioningOutcome> {
  try {
    return await provision(applicationId, deps);
  } catch (error) {
    if (error instanceof LeaseLostError) return { state: "LEASE_LOST" };
    throw error;
  } finally {
    // Whatever the outcome (or a crash), the dashboard shows where the application now stands.
    await refreshDashboardRow(applicationId).catch((error: unknown) =>
      console.error(`[provisioning] dashboard refresh failed: ${describeErrorForLog(error)}`),
    );
  }
}

async function failed(applicationId: string, step: string, code: number | null, message: string) {
  await markFailed(applicationId, step, code, message);
  return { state: "FAILED" as const, step, code, message };
}

async function provision(applicationId: string, deps: ProvisioningDeps): Promise<ProvisioningOutcome> {
  const application = await db.onboardingApplication.findUniqueOrThrow({
    where: { id: applicationId },
    include: { organization: true },
  });
  const job = await db.provisioningJob.findUniqueOrThrow({ where: { applicationId } });
  const parsed = parseApplication(readStoredDraft(application.draft, application.id));
  // A toll-free verification carries its own answers: the application need not be complete for it.
  if (!parsed.success && job.phase !== "tollfree")
    return failed(applicationId, "validate", null, "The application is not complete; it cannot be sent to Twilio.");

  const settings = await db.isvSettings.findUnique({ where: { id: 1 } });
  const notificationEmail = settings?.notificationEmail ?? settings?.supportEmail;
  if (!notificationEmail)
    return failed(applicationId, "settings", null, "Set the ISV notification email in Settings before provisioning.");
  if (!settings?.primaryCustomerProfileSid)
    return failed(
      applicationId,
      "settings",
      null,
      "Set the Primary Customer Profile SID in Settings before provisioning.",
    );

  let account: TwilioAccount;
  try {
    account = deps.accountFor(application.organization);
  } catch (error) {
    return failed(applicationId, "credentials", null, error instanceof Error ? error.message : String(error));
  }
  const publicUrl = (path: string) =>
    settings.publicBaseUrl ? new URL(path, settings.publicBaseUrl).toString() : null;
  const perAccount = deps.concurrency ?? TWILIO_CALLS_AT_ONCE_PER_ACCOUNT;
  // The job approved earliest goes first among the account's waiting steps (account-limiter.ts).
  const jobOrder = job.createdAt.getTime();
  const inAccountSlot = <T>(work: () => Promise<T>) => withAccountSlot(account.sid, perAccount, work, jobOrder);
  const run: RunContext = {
    applicationId,
    account: withPacing(account, {
      spacingMs: deps.brandSpacingMs ?? A2P_REQUEST_SPACING_MS,
      inCallSlot: (request) => withAccountSlot(account.sid, perAccount, request, PACED_REQUEST_PRIORITY),
    }),
    accountSid: account.sid,
    retry: deps.retry ?? DEFAULT_RETRY,
    mockBrands: deps.mockBrands ?? (await mockBrandsOn()),
    notificationEmail,
    primaryCustomerProfileSid: settings.primaryCustomerProfileSid,
    statusCallbackUrl: publicUrl("/api/twilio/status-callback"),
    eventsUrl: publicUrl("/api/twilio/events"),
    fence: deps.fence ?? (async () => undefined),
    inAccountSlot,
    createdThisRun: new Set(),
  };

  // One job per application, in phases: the registration, the campaign (once staff approve it),
  // voice (SHAKEN/STIR, once numbers are chosen) and toll-free verifications (once staff approve one).
  let graph: GraphNode[];
  if (job.phase === "tollfree") graph = tollfreeGraph(run, await approvedTollfreeVerifications(applicationId));
  else if (!parsed.success)
    return failed(applicationId, "validate", null, "The application is not complete; it cannot be sent to Twilio.");
  else {
    const ctx: StepContext = { ...run, application: parsed.data };
    graph = provisioningGraph(ctx);
    if (job.phase === "campaign") {
      const approved = await approvedCampaign(applicationId);
      if (!approved)
        return failed(
          applicationId,
          "campaign",
          null,
          "The campaign is not approved or not complete; review it again.",
        );
      graph = campaignGraph(ctx, approved);
    } else if (job.phase === "voice") graph = voiceGraph(ctx);
  }

  await run.fence();
  await markRunning(applicationId);
  // A paced step takes its call slots request by request, inside the rate slot (GraphNode).
  const nodes = graph.map((node) => (node.paced ? node : { ...node, run: () => inAccountSlot(node.run) }));
  const result = await runGraph(nodes, perAccount, (step) => {
    deps.onStep?.(step, nodes.find((node) => node.id === step)?.deps ?? []);
    // For the progress panels only: the step starts without waiting for the write.
    void recordCurrentStep(applicationId, step);
  });

  // A worker that lost the job mid-way writes nothing: the one that holds it now goes on.
  if (result.failures.some((failure) => failure.error instanceof LeaseLostError)) return { state: "LEASE_LOST" };
  // Whatever the outcome, only the holder records it.
  await run.fence();
  const needsCustomer = result.failures
    .map((failure) => failure.error)
    .filter((error): error is NeedsCustomerError => error instanceof NeedsCustomerError);
  if (needsCustomer.length) {
    const problems = {
      fields: needsCustomer.flatMap((error) => error.fields),
      other: needsCustomer.flatMap((error) => error.other),
    };
    await returnToCustomer(applicationId, problems, "evaluation");
    return { state: "NEEDS_CUSTOMER", fields: problems.fields.length };
  }

  const failure = result.failures[0];
  if (failure) {
    const error = TwilioStepError.from(failure.id, failure.error);
    // Retries ran out on a transient error: run again later (backed off, capped) rather than give up.
    if (error.status === null || isTransient(failure.error)) {
      const later = await scheduleRetryLater(applicationId, failure.id, error.code, error.twilioMessage);
      return later.gaveUp
        ? { state: "FAILED", step: failure.id, code: error.code, message: error.twilioMessage }
        : { state: "RETRY_LATER", message: error.message };
    }
    return failed(applicationId, failure.id, error.code, error.twilioMessage);
  }

  // Done, or queued again for a phase asked for meanwhile (an approval, SHAKEN/STIR numbers): job.ts.
  await finishRun(applicationId, application.organizationId, job.phase);
  return { state: "DONE" };
}
