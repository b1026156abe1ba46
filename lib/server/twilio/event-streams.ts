import "server-only";

import type { TwilioAccount } from "./account";

/** Event Streams (Events v1): the webhook Sink that points at the portal, and its Subscription. */

export type Sink = {
  sid: string;
  status: string;
  sinkType: string;
  destination: string | null;
  description: string | null;
};

const sinkOf = (sink: {
  sid: string;
  status: string;
  sinkType: string;
  sinkConfiguration: unknown;
  description?: string | null;
}): Sink => ({
  sid: sink.sid,
  status: sink.status,
  sinkType: sink.sinkType,
  destination: (sink.sinkConfiguration as { destination?: string } | null)?.destination ?? null,
  description: sink.description ?? null,
});

export const listSinks = async (account: TwilioAccount): Promise<Sink[]> =>
  (await account.sdk.events.v1.sinks.list({ pageSize: 1000 })).map(sinkOf);

export const createWebhookSink = async (
  account: TwilioAccount,
  destination: string,
  description: string,
): Promise<Sink> =>
  sinkOf(
    await account.sdk.events.v1.sinks.create({
      description,
      sinkType: "webhook",
      sinkConfiguration: { destination, method: "POST" },
    }),
  );

export const listSubscriptionSids = async (account: TwilioAccount, sinkSid: string): Promise<string[]> =>
  (await account.sdk.events.v1.subscriptions.list({ sinkSid, pageSize: 1000 })).map((subscription) => subscription.sid);

export const createSubscription = async (
  account: TwilioAccount,
  sinkSid: string,
  description: string,
  types: readonly string[],
): Promise<string> =>
  (
    await account.sdk.events.v1.subscriptions.create({
      description,
      sinkSid,
      types: types.map((type) => ({ type, schema_version: 1 })),
    })
  ).sid;

/** Removes a sink and its subscriptions first (Twilio keeps a sink a subscription still uses). */
export async function deleteSinkAndSubscriptions(account: TwilioAccount, sinkSid: string): Promise<void> {
  for (const subscriptionSid of await listSubscriptionSids(account, sinkSid))
    await account.sdk.events.v1.subscriptions(subscriptionSid).remove();
  await account.sdk.events.v1.sinks(sinkSid).remove();
}
