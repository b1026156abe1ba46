import "server-only";

import type { TwilioResource } from "@prisma/client";

import { describeErrorForLog } from "@/lib/logging/redact";
import { bundleRejectionProblems } from "@/lib/trusthub/bundle-rejection";

import { db } from "../db";
import { accountBySid } from "../twilio/client";
import { fetchBundle } from "../twilio/trust-hub";
import { returnToCustomer } from "./return-to-customer";

/**
 * A Secondary Customer Profile or A2P Trust Product that Twilio rejected after submission reopens
 * the application to the customer, with Twilio's reasons next to the fields (decision 0007's open
 * limit, closed by 0011). The reasons are the bundle's `errors` (fetched when the news came by a
 * status callback, which carries only a FailureReason text); once the customer fixes them and staff
 * approve again, the same job updates the same bundles and submits them again.
 */
export async function reopenOnRejection(
  resource: TwilioResource,
  news: { failureReason?: string | null; errors?: unknown },
): Promise<void> {
  const application = await db.onboardingApplication.findUnique({ where: { id: resource.applicationId } });
  if (application?.status !== "APPROVED") return;
  const errors = news.errors ?? (await fetchBundleErrors(resource));
  await returnToCustomer(
    resource.applicationId,
    bundleRejectionProblems(errors, news.failureReason ?? null),
    "twilio-rejected",
  );
}

async function fetchBundleErrors(resource: TwilioResource): Promise<unknown> {
  try {
    const account = await accountBySid(resource.accountSid);
    const bundle = await fetchBundle(
      account,
      resource.step === "customer-profile" ? "customer-profile" : "trust-product",
      resource.sid,
    );
    return bundle.errors;
  } catch (error) {
    console.error(`[twilio] reasons of rejected ${resource.sid} not fetched: ${describeErrorForLog(error)}`);
    return null;
  }
}
