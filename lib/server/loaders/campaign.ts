import "server-only";

import { getCustomerHome } from "../applications/customer-home";
import { campaignPageData } from "../campaigns/campaign-page";

/** The customer's campaign page for the caller's organization. Null data: the step is not open yet. */
export async function loadCampaignPage(organizationId: string) {
  const { application } = await getCustomerHome(organizationId);
  return { application, data: application ? await campaignPageData(application) : null };
}
