import { createOnlyValues } from "@/lib/campaign/change-kind";
import type { CampaignLedgerDetails } from "@/lib/campaign/ledger-details";

import type { ProposedCustomer } from "./group";

/** One row of the resource ledger (TwilioResource) an adopted customer starts with. */
export type AdoptedLedgerRow = {
  step: string;
  sid: string;
  status: string | null;
  details: Record<string, unknown> | null;
};

/**
 * The ledger an adopted customer starts with, as if the portal had provisioned it (#28 line 1):
 * each bundle with its status, each item and assignment under the step the pipeline gives it, the
 * brand with its details, the Messaging Service and the campaign. The pipeline never creates what
 * its ledger names (adopt-or-create.ts), so no later run, retry or fix creates a second brand, bundle
 * or campaign for this customer: it updates these. Pure.
 */
export function adoptedLedger(customer: ProposedCustomer): AdoptedLedgerRow[] {
  const rows: AdoptedLedgerRow[] = [];
  const add = (
    step: string,
    sid: string,
    status: string | null = null,
    details: Record<string, unknown> | null = null,
  ) => {
    if (!rows.some((row) => row.step === step)) rows.push({ step, sid, status, details });
  };
  add("customer-profile", customer.customerProfile.sid, customer.customerProfile.status);
  if (customer.trustProduct) add("trust-product", customer.trustProduct.sid, customer.trustProduct.status);
  for (const item of customer.items) {
    // The profile and the ISV's primary profile are bundles, not items: only their assignments count.
    if (item.step !== "customer-profile" && item.step !== "primary-customer-profile") add(item.step, item.sid);
    if (item.assignment) add(`assign:${item.assignment.bundle}:${item.step}`, item.assignment.sid);
  }
  if (customer.shakenStir) add("shaken-stir", customer.shakenStir.sid, customer.shakenStir.status);
  if (customer.brand) add("brand", customer.brand.sid, customer.brand.status, customer.brand.details);
  const serviceSid = customer.campaign?.serviceSid ?? customer.services[0]?.sid;
  if (serviceSid) add("messaging-service", serviceSid);
  if (customer.campaign) {
    const { fields } = customer.campaign;
    const details: CampaignLedgerDetails = {
      messagingServiceSid: customer.campaign.serviceSid,
      useCase: customer.campaign.usecase ?? "",
      // The adopted campaign registration is version 1: what Twilio holds is what it says.
      sentVersion: 1,
      campaignId: customer.campaign.campaignId,
      createOnly: createOnlyValues(fields) as Record<string, string>,
    };
    add("campaign", customer.campaign.sid, customer.campaign.status, details);
  }
  return rows;
}
