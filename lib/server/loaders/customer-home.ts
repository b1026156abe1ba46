import "server-only";

import { getCustomerHome } from "../applications/customer-home";
import { customerProgress } from "../applications/customer-progress";
import { brandVerificationView } from "../brands/brand-verification";
import { customerCampaign } from "../campaigns/customer-campaign";
import { recordedSenderNumbers, senderPool } from "../campaigns/sender-numbers";
import { applicationStatus } from "../dashboard/application-status";
import { organizationNumbers } from "../numbers/organization-numbers";
import { customersMayBuyNumbers, customersMayManageSenders } from "../settings/isv-settings";

/**
 * Everything the customer's home shows, for the caller's organization: the application first, then
 * its panels at once (they read different tables), then the sender numbers the campaign panel needs.
 */
export async function loadCustomerHome(organizationId: string) {
  const [{ organization, application }, mayBuy] = await Promise.all([
    getCustomerHome(organizationId),
    customersMayBuyNumbers(),
  ]);
  // Customers who may buy numbers see their own (only theirs) beside the search.
  const numbers = mayBuy ? await organizationNumbers(organizationId) : null;
  if (!application)
    return {
      organization,
      application,
      progress: null,
      status: null,
      campaign: null,
      verification: null,
      senders: null,
      manageSenders: false,
      numbers,
    };
  const [progress, status, campaign, verification, mayManage] = await Promise.all([
    customerProgress(application.id),
    application.status !== "DRAFT" ? applicationStatus(application.id, "customer") : null,
    application.status === "APPROVED" ? customerCampaign(application.id) : null,
    brandVerificationView(application.id, "customer"),
    customersMayManageSenders(),
  ]);
  const manageSenders = !!campaign?.open && mayManage;
  // Customers who manage their numbers see the account's; the others see the pool as the portal recorded it.
  const senders = campaign?.open
    ? manageSenders
      ? await senderPool(application.id)
      : { numbers: await recordedSenderNumbers(application.id), error: null }
    : null;
  return { organization, application, progress, status, campaign, verification, senders, manageSenders, numbers };
}
