import { isoDate } from "../core/clock";
import type { Store, StoredResource } from "../core/store";

const GROUPS: Record<string, string> = {
  CustomerProfile: "CustomerProfiles",
  TrustProduct: "TrustProducts",
  EndUser: "EndUsers",
  SupportingDocument: "SupportingDocuments",
  Address: "Addresses",
  IncomingPhoneNumber: "IncomingPhoneNumbers",
  BrandRegistration: "BrandRegistrations",
  BrandVetting: "BrandVettings",
  Service: "Services",
  ServicePhoneNumber: "ServicePhoneNumbers",
  Usa2p: "Usa2p",
  EntityAssignment: "EntityAssignments",
  ChannelEndpointAssignment: "ChannelEndpointAssignments",
  Evaluation: "Evaluations",
  Sink: "Sinks",
  Subscription: "Subscriptions",
  TollfreeVerification: "TollfreeVerifications",
};

/** What GET /__sandbox/state shows: each account's resources as the API returns them, and its fees. */
export function snapshot(store: Store, now: number, render: (resource: StoredResource) => Record<string, unknown>) {
  return {
    now: isoDate(now),
    accounts: Object.values(store.state.accounts).map((account) => {
      const resources: Record<string, Record<string, unknown>[]> = Object.fromEntries(
        Object.values(GROUPS).map((group) => [group, []]),
      );
      for (const resource of Object.values(store.state.resources)) {
        if (resource.accountSid === account.sid) resources[GROUPS[resource.kind]!]!.push(render(resource));
      }
      return {
        sid: account.sid,
        parentSid: account.parentSid,
        friendlyName: account.friendlyName,
        resources,
        fees: store.state.fees.filter((fee) => fee.accountSid === account.sid),
      };
    }),
  };
}
