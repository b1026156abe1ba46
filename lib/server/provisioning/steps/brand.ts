import "server-only";

import { normalizeBrandDetails } from "@/lib/brand/details";
import { brandRegistrationOptions } from "@/lib/trusthub/payloads";

import { noteAwaitedVerification } from "../../brands/brand-verification";
import { createBrand, findBrandForBundles, type Brand } from "../../twilio/brands";
import { adoptOrCreate } from "../adopt-or-create";
import { sidOf, type StepContext } from "../step-context";
import { resubmitFailedBrand } from "./brand-resubmission";

/**
 * The BrandRegistration (seed 000 step 3). It costs the ISV a fee, so it is created at most once:
 * recorded intent before the create, and after a lost answer a look-up by its two bundle SIDs
 * through every page of the account's brands (Twilio has no filter on this list). The gateway
 * paces, fences and records the fees of both (twilio/brands.ts).
 */
export function brandStep(ctx: StepContext): () => Promise<string> {
  const options = brandRegistrationOptions(ctx.application);
  const billing = { applicationId: ctx.applicationId, fence: ctx.fence };
  return async () => {
    const bundles = {
      customerProfileBundleSid: await sidOf(ctx, "customer-profile"),
      a2PProfileBundleSid: await sidOf(ctx, "trust-product"),
    };
    const found = (brand: Brand) => ({
      sid: brand.sid,
      status: brand.status,
      details: normalizeBrandDetails(brand as unknown as Record<string, unknown>),
    });
    let answer: ReturnType<typeof found> | null = null;
    const sid = await adoptOrCreate(ctx, "brand", {
      find: async () => {
        const existing = await findBrandForBundles(ctx.account, bundles, billing);
        return (answer = existing ? found(existing) : null);
      },
      create: async () =>
        (answer = found(await createBrand(ctx.account, bundles, { ...options, mock: ctx.mockBrands }, billing))),
    });
    // Twilio texts a sole proprietor's code when the brand is APPROVED, and TCR's Authentication+
    // email is awaited while Twilio reports 30994: almost always later news (an event or the sync),
    // but a brand found already in that state starts its window now.
    if (answer) await noteAwaitedVerification(ctx.applicationId, answer);
    // A brand that failed and whose fix staff approved is resubmitted, the same brand (#13).
    await resubmitFailedBrand(ctx, sid);
    return sid;
  };
}
