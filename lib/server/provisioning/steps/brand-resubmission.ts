import "server-only";

import type { Prisma } from "@prisma/client";

import { normalizeBrandDetails } from "@/lib/brand/details";
import { isTwoFactorCode } from "@/lib/brand/verification";
import { brandDetailsOf } from "@/lib/trusthub/ledger-details";

import { audit } from "../../audit/audit";
import { WAITING_RESUBMISSION } from "../../brands/brand-resubmissions";
import { db } from "../../db";
import { fetchBrand, resubmitBrand, type Brand } from "../../twilio/brands";
import { submitBundle } from "../../twilio/trust-hub";
import { TwilioStepError } from "../errors";
import { knownStatus, recordSid } from "../ledger";
import { withRetry } from "../retry";
import { sidOf, type StepContext } from "../step-context";

const twilioCode = (error: unknown) => (error as { code?: number }).code;

/**
 * Resubmits a FAILED brand after the customer's fix (Twilio's update of the same BrandRegistration:
 * POST with an empty body, 202, back to PENDING; Messaging v1 OpenAPI, live-twilio.md §5), as
 * Twilio's troubleshooting page says: only a FAILED brand whose tcr_id is set, the bundles fixed
 * first, and after an Authentication+ failure the A2P bundle moved back to pending-review. Never a
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
  const [profileStatus, productStatus] = await Promise.all(
    (["customer-profile", "trust-product"] as const).map((step) => knownStatus(ctx.applicationId, step)),
  );
  const fetchNow = () => withRetry(() => fetchBrand(ctx.account, brandSid), ctx.retry);
  // An Authentication+ failure (21736–21741) is fixed on the trust product's brand_contact_email,
  // and Twilio's troubleshooting page then moves that bundle back to pending-review before the
  // brand update, which re-triggers the verification: done once, right before the update.
  const movesTrustProduct = productStatus === "twilio-approved" && (await knownTwoFactorFailure(ctx.applicationId));
  if (profileStatus !== "twilio-approved" || (productStatus !== "twilio-approved" && !movesTrustProduct)) return;
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
  // Twilio updates only a FAILED brand whose tcr_id is set (troubleshooting-standard-lvs-brands.md):
  // one that failed before TCR registered it is never sent an update Twilio refuses.
  if (!before.tcrId) {
    await db.brandResubmission.update({ where: { id: pending.id }, data: { state: "superseded" } });
    throw new TwilioStepError("brand", 21725, NO_TCR_ID_PATH, 400);
  }
  if (movesTrustProduct) {
    const trustProductSid = await sidOf(ctx, "trust-product");
    await ctx.fence();
    const moved = await withRetry(() => submitBundle(ctx.account, "trust-product", trustProductSid), ctx.retry);
    await recordSid(ctx.applicationId, "trust-product", trustProductSid, ctx.accountSid, { status: moved.status });
  }

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

/** What the ISV can do about a brand that failed before The Campaign Registry registered it. */
export const NO_TCR_ID_PATH =
  "This brand failed before The Campaign Registry registered it (Twilio gave it no TCR id), so Twilio cannot update it: only a FAILED brand with a TCR id can be resubmitted. Check the failure reason below and the Trust Hub bundles; then either ask Twilio Support to look at the brand, or register a new brand from the corrected bundles (a new brand fee).";

/** Whether the brand's recorded errors include an Authentication+ 2FA failure (21736–21741). */
async function knownTwoFactorFailure(applicationId: string): Promise<boolean> {
  const brand = await db.twilioResource.findUnique({ where: { applicationId_step: { applicationId, step: "brand" } } });
  return brandDetailsOf(brand?.details).errors.some((error) => isTwoFactorCode(error.code));
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
