import "server-only";

import { customersMayBuyNumbers, customersMayManageSenders } from "../settings/isv-settings";
import { NotFoundError } from "./errors";
import { requireStaffOrOwningCustomer, requireUser } from "./guards";
import { canAccessOrganization, isStaff } from "./policy";

export const NUMBERS_NOT_ALLOWED = "Your provider manages your phone numbers; ask them to make this change.";

/**
 * Who may change an application's phone numbers at Twilio (the sender pool, SHAKEN/STIR): staff
 * always; the customer, for their own application, when the ISV allows it in Settings. Another
 * organization's application is "not found" (requireStaffOrOwningCustomer).
 */
export async function requireNumberManager(applicationId: string) {
  const user = await requireUser();
  const { application } = await requireStaffOrOwningCustomer(applicationId);
  return { user, application, allowed: isStaff(user) || (await customersMayManageSenders()) };
}

export const BUYING_NOT_ALLOWED = "Your provider buys phone numbers for you; ask them for one.";

/**
 * Who may search and buy numbers for an organization: staff always; the organization's own
 * customers when the ISV allows it in Settings (the monthly price is the ISV's). Another
 * organization is "not found".
 */
export async function requireNumberBuyer(organizationId: string) {
  const user = await requireUser();
  if (!canAccessOrganization(user, organizationId)) throw new NotFoundError();
  return { user, allowed: isStaff(user) || (await customersMayBuyNumbers()) };
}
