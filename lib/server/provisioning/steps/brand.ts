import "server-only";
import type { BrandRegistrationInstance } from "twilio/lib/rest/messaging/v1/brandRegistration";
import { brandRegistrationOptions, hasSecondaryVetting } from "@/lib/trusthub/payloads";
import { normalizeBrandDetails } from "@/lib/trusthub/brand-details";
import { adoptOrCreate, everyPage } from "../adopt-or-create";
import { inStepRateSlot } from "../../twilio/rate-slot";
import { sidOf, type StepContext } from "../step-context";
import { recordCharge } from "../../billing/twilio-charges";
import { resubmitFailedBrand } from "./brand-resubmission";
import { verificationMethodFor } from "@/lib/trusthub/brand-verification";
import { recordVerificationSent } from "../../brands/brand-verification";

/**
 * The BrandRegistration (seed 000 step 3). It costs the ISV a fee, so it is created at most once:
 * recorded intent before the create, and after a lost answer a look-up by its two bundle SIDs
 * through every page of the account's brands (Twilio has no filter on this list).
 */
export function brandStep(ctx: StepContext): () => Promise<string> {
  const options = brandRegistrationOptions(ctx.application);
  return async () => {
    const customerProfileBundleSid = await sidOf(ctx, "customer-profile");
    const a2PProfileBundleSid = await sidOf(ctx, "trust-product");
    const found = (brand: BrandRegistrationInstance) => ({
      sid: brand.sid,
      status: brand.status,
      details: normalizeBrandDetails(brand as unknown as Record<string, unknown>),
    });
    const sid = await adoptOrCreate(ctx, "brand", {
      find: async () => {
        const brands = await inStepRateSlot(ctx, () => ctx.client.messaging.v1.brandRegistrations.list(everyPage()));
        const existing = brands.find(
          (brand) =>
            brand.customerProfileBundleSid === customerProfileBundleSid &&
            brand.a2pProfileBundleSid === a2PProfileBundleSid,
        );
        return existing ? found(existing) : null;
      },
      // The slot may take a while to come: the hold on the job is checked again right before the send.
      create: async () =>
        found(
          await inStepRateSlot(ctx, async () => {
            await ctx.fence();
            return ctx.client.messaging.v1.brandRegistrations.create({
              customerProfileBundleSid,
              a2PProfileBundleSid,
              ...options,
              ...(ctx.mockBrands ? { mock: true } : {}),
            });
          }),
        ),
    });
    // The fees this brand incurred (once, whatever the retries): registration, and for a Standard
    // brand the secondary vetting Twilio runs on its own (skipped for Low-Volume Standard).
    await recordCharge(ctx.applicationId, "brand_registration", sid, sid);
    if (hasSecondaryVetting(ctx.application)) await recordCharge(ctx.applicationId, "secondary_vetting", sid, sid);
    // Twilio texts a sole proprietor's code, TCR emails a public company's 2FA link: their windows start now.
    const verification = verificationMethodFor(ctx.application);
    if (verification) await recordVerificationSent(ctx.applicationId, verification, sid);
    // A brand that failed and whose fix staff approved is resubmitted, the same brand (#13).
    await resubmitFailedBrand(ctx, sid);
    return sid;
  };
}
