import "server-only";

import type { Prisma } from "@prisma/client";

import { normalizeBrandDetails } from "@/lib/brand/details";

import { audit } from "../../audit/audit";
import { WAITING_RESUBMISSION } from "../../brands/brand-resubmissions";
import { db } from "../../db";
import { fetchBrand, resubmitBrand, type Brand } from "../../twilio/brands";
import { TwilioStepError } from "../errors";
import { knownStatus, recordSid } from "../ledger";
import { withRetry } from "../retry";
import type { StepContext } from "../step-context";

const twilioCode = (error: unknown) => (error as { code?: number }).code;

/**
 * Resubmits a FAILED brand after the customer's fix (Twilio's update of the same BrandRegistration:
 * POST with an empty body, 202, back to PENDING; Messaging v1 OpenAPI, live-twilio.md §5). Never a
 * second brand, never the same attempt twice:
 * - only a "requested" (or interrupted "sending") attempt is sent, and only once Trust Hub has
 *   approved both bundles (TCR looks at them; a bundle approval queues the job again);
 * - the brand is fetched first: if it is no longer FAILED, an earlier send landed (its answer
 *   lost) or Twilio moved it on its own, and nothing is sent;
 * - Twilio's 21725 (not FAILED) after a send is read the same way; 21724 (no updates left) stops
 *   the job with what the ISV can still do.
 * Whether Twilio charges a resubmission is unpublished: no fee is recorded for it.
 */
export async function resubmitFailedBrand(ctx: StepContext, brandSid: string): Promise<void> {
  const pending = await db.brandResubmission.findFirst({
    where: { brandSid, state: WAITING_RESUBMISSION },
    orderBy: { attempt: "asc" },
  });
  if (!pending) return;
  const bundles = await Promise.all(
    (["customer-profile", "trust-product"] as const).map((step) => knownStatus(ctx.applicationId, step)),
  );
  if (!bundles.every((status) => status === "twilio-approved")) return;

  const fetchNow = () => withRetry(() => fetchBrand(ctx.account, brandSid), ctx.retry);
  const landed = async (brand: Brand, how: "sent" | "superseded") => {
    await db.brandResubmission.update({
      where: { id: pending.id },
      data: { state: how, ...(how === "sent" ? { sentAt: new Date() } : {}) },
    });
    await recordSid(ctx.applicationId, "brand", brandSid, ctx.accountSid, {
      status: brand.status,
      details: normalizeBrandDetails(brand as unknown as Record<string, unknown>) as unknown as Prisma.InputJsonValue,
    });
    if (how === "sent") await auditResubmission(ctx, brandSid, pending.attempt);
  };

  const before = await fetchNow();
  if (before.status !== "FAILED") return landed(before, pending.state === "sending" ? "sent" : "superseded");

  // Fencing: only the worker that holds the job sends a resubmission.
  await ctx.fence();
  await db.brandResubmission.update({ where: { id: pending.id }, data: { state: "sending" } });
  let answer: Brand;
  try {
    answer = await resubmitBrand(ctx.account, brandSid, ctx.fence);
  } catch (error) {
    if (twilioCode(error) === 21725) {
      // Not FAILED any more: our send landed before (a lost answer), or Twilio moved the brand.
      const after = await fetchNow();
      if (after.status !== "FAILED") return landed(after, "sent");
    }
    if (twilioCode(error) === 21724) {
      await db.brandResubmission.update({ where: { id: pending.id }, data: { state: "superseded" } });
      throw new TwilioStepError(
        "brand",
        21724,
        "Twilio will not take another resubmission of this brand. Contact Twilio support about the brand, or register a new brand with new Trust Hub bundles (a new brand fee).",
        400,
      );
    }
    // Anything else (a lost connection included) leaves the attempt "sending": the next run
    // fetches the brand before sending again.
    throw TwilioStepError.from("brand", error);
  }
  await landed(answer, "sent");
}

async function auditResubmission(ctx: StepContext, brandSid: string, attempt: number) {
  const application = await db.onboardingApplication.findUniqueOrThrow({
    where: { id: ctx.applicationId },
    select: { organizationId: true },
  });
  await audit(db, {
    action: "brand.resubmitted",
    targetType: "TwilioResource",
    targetId: brandSid,
    organizationId: application.organizationId,
    metadata: { attempt },
  });
}
