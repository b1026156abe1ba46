import "server-only";
import type { Twilio } from "twilio";
import { applicationSchema, draftAsInput } from "@/lib/schemas/onboarding/application";
import { db } from "../../db";
import { audit } from "../../audit/audit";
import { sendMail, absoluteUrl } from "../../mail/send-mail";
import { NeedsCustomerError, TwilioStepError, isTransient } from "./errors";
import { runGraph } from "./graph";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry";
import { provisioningGraph, type StepContext } from "./steps";
import { withAccountSlot } from "./account-limiter";
import { refreshDashboardRow } from "../../dashboard/refresh-dashboard-row";
import { readStoredDraft } from "@/lib/server/applications/stored-draft";
import { describeErrorForLog } from "@/lib/logging/redact";

export type ProvisioningDeps = {
  /** The Twilio client for a customer's account (null: the ISV's own account), and that account's SID. */
  clientFor: (organization: {
    id: string;
    twilioAccountSid: string | null;
    twilioAuthTokenEncrypted: string | null;
  }) => {
    client: Twilio;
    accountSid: string;
  };
  retry?: RetryPolicy;
  /** Twilio calls at once for one account. */
  concurrency?: number;
  brandSpacingMs?: number;
  onStep?: (step: string) => void;
};

export type ProvisioningOutcome =
  | { state: "DONE" }
  | { state: "NEEDS_CUSTOMER"; fields: number }
  | { state: "FAILED"; step: string; code: number | null; message: string }
  | { state: "RETRY_LATER"; message: string };

/**
 * Runs (or resumes) an approved application's provisioning: every step whose SID is known is
 * skipped or updated, the rest created. Safe to run again at any point.
 */
export async function runProvisioning(applicationId: string, deps: ProvisioningDeps): Promise<ProvisioningOutcome> {
  try {
    return await provision(applicationId, deps);
  } finally {
    // Whatever the outcome (or a crash), the dashboard shows where the application now stands.
    await refreshDashboardRow(applicationId).catch((error: unknown) =>
      console.error(`[provisioning] dashboard refresh failed: ${describeErrorForLog(error)}`),
    );
  }
}

async function provision(applicationId: string, deps: ProvisioningDeps): Promise<ProvisioningOutcome> {
  const application = await db.onboardingApplication.findUniqueOrThrow({
    where: { id: applicationId },
    include: { organization: true },
  });
  const parsed = applicationSchema.safeParse(draftAsInput(readStoredDraft(application.draft)));
  if (!parsed.success)
    return fail(applicationId, "validate", null, "The application is not complete; it cannot be sent to Twilio.");

  const settings = await db.isvSettings.findUnique({ where: { id: 1 } });
  const notificationEmail = settings?.notificationEmail ?? settings?.supportEmail;
  if (!notificationEmail)
    return fail(applicationId, "settings", null, "Set the ISV notification email in Settings before provisioning.");
  if (!settings?.primaryCustomerProfileSid)
    return fail(
      applicationId,
      "settings",
      null,
      "Set the Primary Customer Profile SID in Settings before provisioning.",
    );

  const { client, accountSid } = deps.clientFor(application.organization);
  const ctx: StepContext = {
    applicationId,
    application: parsed.data,
    client,
    accountSid,
    retry: deps.retry ?? DEFAULT_RETRY,
    brandSpacingMs: deps.brandSpacingMs ?? 1100,
    notificationEmail,
    primaryCustomerProfileSid: settings.primaryCustomerProfileSid,
    statusCallbackUrl: settings.publicBaseUrl
      ? new URL("/api/twilio/status-callback", settings.publicBaseUrl).toString()
      : null,
  };

  await db.provisioningJob.update({ where: { applicationId }, data: { state: "RUNNING", attempts: { increment: 1 } } });
  const perAccount = deps.concurrency ?? 4;
  const nodes = provisioningGraph(ctx).map((node) => ({
    ...node,
    run: () => withAccountSlot(accountSid, perAccount, node.run),
  }));
  const result = await runGraph(nodes, perAccount, async (step) => {
    deps.onStep?.(step);
    await db.provisioningJob.update({ where: { applicationId }, data: { currentStep: step } }).catch(() => undefined);
  });

  const needsCustomer = result.failures
    .map((failure) => failure.error)
    .filter((error): error is NeedsCustomerError => error instanceof NeedsCustomerError);
  if (needsCustomer.length)
    return backToCustomer(applicationId, application.organizationId, application.organization.name, needsCustomer);

  const failure = result.failures[0];
  if (failure) {
    const error = TwilioStepError.from(failure.id, failure.error);
    // Retries ran out on a transient error: try the whole run again later rather than give up.
    if (error.status === null || isTransient(failure.error)) {
      await db.provisioningJob.update({
        where: { applicationId },
        data: {
          state: "QUEUED",
          runAfter: new Date(Date.now() + 60_000),
          lastError: error.message,
          lastErrorCode: error.code,
        },
      });
      return { state: "RETRY_LATER", message: error.message };
    }
    return fail(applicationId, failure.id, error.code, error.twilioMessage);
  }

  await db.provisioningJob.update({
    where: { applicationId },
    data: { state: "DONE", finishedAt: new Date(), currentStep: null, lastError: null, lastErrorCode: null },
  });
  await audit(db, {
    action: "provisioning.done",
    targetType: "OnboardingApplication",
    targetId: applicationId,
    organizationId: application.organizationId,
  });
  return { state: "DONE" };
}

async function fail(
  applicationId: string,
  step: string,
  code: number | null,
  message: string,
): Promise<ProvisioningOutcome> {
  const job = await db.provisioningJob.update({
    where: { applicationId },
    data: { state: "FAILED", lastError: `${step}: ${message}`, lastErrorCode: code },
  });
  const application = await db.onboardingApplication.findUniqueOrThrow({ where: { id: job.applicationId } });
  await audit(db, {
    action: "provisioning.failed",
    targetType: "OnboardingApplication",
    targetId: applicationId,
    organizationId: application.organizationId,
    metadata: { step, code },
  });
  return { state: "FAILED", step, code, message };
}

/** A noncompliant evaluation: the problems become comments on the fields, and the customer is asked to fix them. */
async function backToCustomer(
  applicationId: string,
  organizationId: string,
  organizationName: string,
  errors: NeedsCustomerError[],
): Promise<ProvisioningOutcome> {
  const fields = errors.flatMap((error) => error.fields);
  const other = errors.flatMap((error) => error.other);
  await db.$transaction(async (tx) => {
    await tx.reviewComment.updateMany({
      where: { applicationId, source: "twilio", resolvedAt: null },
      data: { resolvedAt: new Date() },
    });
    for (const problem of fields) {
      await tx.reviewComment.create({
        data: { applicationId, field: problem.field, message: problem.message, source: "twilio" },
      });
    }
    await tx.onboardingApplication.update({
      where: { id: applicationId },
      data: { status: "CHANGES_REQUESTED", version: { increment: 1 } },
    });
    await tx.provisioningJob.update({
      where: { applicationId },
      data: {
        state: "NEEDS_CUSTOMER",
        lastError: [...fields.map((f) => `${f.field}: ${f.message}`), ...other.map((o) => o.message)]
          .join(" | ")
          .slice(0, 2000),
        lastErrorCode: fields[0]?.code ?? other[0]?.code ?? null,
      },
    });
    await audit(tx, {
      action: "provisioning.needs_customer",
      targetType: "OnboardingApplication",
      targetId: applicationId,
      organizationId,
      metadata: { fields: fields.map((f) => f.field), codes: fields.map((f) => f.code) },
    });
  });
  const customers = await db.user.findMany({ where: { organizationId, role: "CUSTOMER" }, select: { email: true } });
  await Promise.all(
    customers.map((customer) =>
      sendMail({
        to: customer.email,
        subject: "Please update your messaging registration",
        text: [
          `Twilio could not accept some details of ${organizationName}'s registration.`,
          "",
          "Open your application to see what to fix, next to each field:",
          absoluteUrl("/onboarding/review"),
        ].join("\n"),
      }),
    ),
  );
  return { state: "NEEDS_CUSTOMER", fields: fields.length };
}
