import "server-only";

import { customersMayManageSenders } from "../settings/isv-settings";
import { requireStaffOrOwningCustomer, requireUser } from "./guards";
import { isStaff } from "./policy";

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
