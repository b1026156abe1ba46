import "server-only";

import { getCustomerHome } from "../applications/customer-home";
import { customersMayBuyNumbers } from "../settings/isv-settings";
import { tollfreeNumberRows, tollfreePageData } from "../tollfree/tollfree-page";
import { openTollfreeVerification } from "../tollfree/tollfree-registration";

/**
 * The customer's toll-free page, for the caller's organization: their toll-free numbers with where
 * each verification stands, whether they may buy one, and the chosen number's verification (opened
 * on first view, only for a toll-free number of theirs).
 */
export async function loadTollfreePage(organizationId: string, chosenNumberSid: string | null) {
  const [{ organization, application }, mayBuy, numbers] = await Promise.all([
    getCustomerHome(organizationId),
    customersMayBuyNumbers(),
    tollfreeNumberRows(organizationId),
  ]);
  const verification =
    application && chosenNumberSid ? await openTollfreeVerification(application.id, chosenNumberSid) : null;
  return {
    organization,
    application,
    mayBuy,
    numbers,
    chosen: verification ? await tollfreePageData(verification) : null,
    chosenNotFound: !!chosenNumberSid && !verification,
  };
}
