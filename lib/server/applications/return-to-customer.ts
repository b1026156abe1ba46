import "server-only";

import type { FieldProblem, OtherProblem } from "@/lib/trusthub/evaluation-fields";

import { audit } from "../audit/audit";
import { db } from "../db";
import { emailCustomerUsers } from "../notifications/email-customer-users";
import { waitForCustomer } from "../provisioning/job";
import { emitWebhookEvent } from "../webhooks/emit-event";

const AUDIT_ACTION = {
  evaluation: "provisioning.needs_customer",
  "twilio-rejected": "provisioning.twilio_rejected",
  "brand-failed": "provisioning.brand_failed",
} as const;

/**
 * Twilio could not accept the application (a noncompliant evaluation, a bundle rejected after
 * submission, or a brand The Campaign Registry failed): its reasons become comments next to the fields, the application goes back to the
 * customer (CHANGES_REQUESTED), the job waits for them (NEEDS_CUSTOMER), and every customer user is
 * emailed. Once fixed and approved again, the same job updates the same bundles and resubmits them.
 */
export async function returnToCustomer(
  applicationId: string,
  problems: { fields: FieldProblem[]; other: OtherProblem[] },
  reason: "evaluation" | "twilio-rejected" | "brand-failed",
  /** A failed brand: how many resubmissions are left after the one this fix will use. */
  attemptsLeft?: number,
): Promise<void> {
  const { fields, other } = problems;
  const application = await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.reviewComment.updateMany({
      where: { applicationId, source: "twilio", resolvedAt: null },
      data: { resolvedAt: now },
    });
    for (const problem of fields)
      await tx.reviewComment.create({
        data: { applicationId, field: problem.field, message: problem.message, source: "twilio" },
      });
    const updated = await tx.onboardingApplication.update({
      where: { id: applicationId },
      data: { status: "CHANGES_REQUESTED", version: { increment: 1 } },
    });
    await waitForCustomer(
      tx,
      applicationId,
      [...fields.map((f) => `${f.field}: ${f.message}`), ...other.map((o) => o.message)].join(" | "),
      fields[0]?.code ?? other[0]?.code ?? null,
    );
    await audit(tx, {
      action: AUDIT_ACTION[reason],
      targetType: "OnboardingApplication",
      targetId: applicationId,
      organizationId: updated.organizationId,
      metadata: { fields: fields.map((f) => f.field), codes: [...fields, ...other].map((p) => p.code) },
    });
    return updated;
  });
  await emitWebhookEvent("application.changes_requested", application.organizationId, { requestedBy: reason });
  await emailCustomerUsers(application.organizationId, {
    kind: "registration_changes",
    subject: "Please update your messaging registration",
    lines: (name) => [
      reason === "evaluation"
        ? `Twilio could not accept some details of ${name}'s registration.`
        : reason === "brand-failed"
          ? `The Campaign Registry could not verify ${name}'s brand. Once you fix the details, we resubmit the same brand${attemptsLeft !== undefined ? ` (${attemptsLeft} more resubmission${attemptsLeft === 1 ? "" : "s"} possible after this one)` : ""}.`
          : `Twilio reviewed ${name}'s business profile and could not approve it.`,
      "",
      "Open your application to see what to fix, next to each field:",
    ],
    path: "/onboarding/review",
  });
}
