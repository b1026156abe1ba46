import "server-only";

import { db } from "../db";

/**
 * What the portal records of a failed brand's resubmissions (BrandResubmission): attempts asked for
 * and attempts Twilio took. Read by the brand's domain, the dashboard and the provisioning step
 * that sends them (provisioning/steps/brand-resubmission.ts).
 */

/** Attempts not yet taken by Twilio, and attempts Twilio took (or is being sent). */
export const WAITING_RESUBMISSION = { in: ["requested", "sending"] };
const SENT_RESUBMISSION = { in: ["sending", "sent"] };

/** Whether a failed brand of this application waits to be resubmitted (the customer's fix approved or on its way). */
export async function brandResubmissionRequested(applicationId: string): Promise<boolean> {
  return (await db.brandResubmission.count({ where: { applicationId, state: WAITING_RESUBMISSION } })) > 0;
}

/** How many resubmissions of this brand Twilio has taken (or is being sent). */
export async function sentBrandResubmissions(brandSid: string): Promise<number> {
  return db.brandResubmission.count({ where: { brandSid, state: SENT_RESUBMISSION } });
}
