import "server-only";

import { chargesOf } from "../billing/twilio-charges";
import { applicationStatus } from "../dashboard/application-status";
import { organizationNumbers } from "../numbers/organization-numbers";
import { getCustomerDetail, hasTwilioResources, recentAuditEntries } from "../organizations/customer-detail";

/** Everything the staff's customer page shows, read at once. Null: no such organization. */
export async function loadStaffCustomer(organizationId: string) {
  const [customer, history, locked, numbers] = await Promise.all([
    getCustomerDetail(organizationId),
    recentAuditEntries(organizationId),
    hasTwilioResources(organizationId),
    organizationNumbers(organizationId, { withUnassigned: true }),
  ]);
  if (!customer) return null;
  const latest = customer.applications[0];
  const [status, charges] = latest
    ? await Promise.all([applicationStatus(latest.id, "staff"), chargesOf(latest.id)])
    : [null, null];
  return { customer, history, locked, status, charges, numbers };
}
