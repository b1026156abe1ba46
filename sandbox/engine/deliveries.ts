import { createHash } from "node:crypto";

import { twilioSignature } from "../core/signature";
import type { Store, StoredResource } from "../core/store";
import { cloudEvent, type A2pEvent } from "../events/a2p-events";

/**
 * What the sandbox sends out, as Twilio does: Trust Hub status callbacks and Event Streams events,
 * each signed with the auth token of the account it concerns, and tracked so tests can wait for them.
 */
export class Deliveries {
  /** Callbacks and events under way, so tests can wait for them. */
  private readonly underWay = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * Twilio does not publish this payload. The sandbox sends what handlers of live callbacks are seen
   * to read, and nothing more (live-twilio.md §2, [3P-H][3P-S]): form-encoded AccountSid, BundleSid,
   * Status and, when rejected, FailureReason, signed with the auth token of the account that owns the
   * bundle. See sandbox/README.md.
   */
  statusCallback(bundle: StoredResource): void {
    const url = bundle.fields.status_callback;
    if (typeof url !== "string" || !url) return;
    const account = this.store.state.accounts[bundle.accountSid];
    if (!account) return;
    const errors = bundle.fields.errors as { message?: string }[] | null;
    const params: Record<string, string> = {
      AccountSid: bundle.accountSid,
      BundleSid: bundle.sid,
      Status: String(bundle.fields.status),
    };
    if (errors?.length) params.FailureReason = errors.map((error) => error.message).join(" ");
    this.deliver(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": twilioSignature(account.authToken, url, params),
        "User-Agent": "TwilioProxy/1.1 (sandbox)",
      },
      body: new URLSearchParams(params).toString(),
    });
  }

  /**
   * Delivers an event the way Event Streams does: only to the webhook sinks of the resource's own
   * account that a subscription names for this type; the body a JSON array of CloudEvents; the URL
   * given a `bodySHA256` parameter (SHA-256 of the body) and signed with X-Twilio-Signature by the
   * sink owner's auth token (twilio.validateRequestWithBody accepts it); `user:pass@` in the
   * destination sent as HTTP Basic (live-twilio.md §3).
   */
  publish(resource: StoredResource, event: A2pEvent | null, now: number): void {
    if (!event) return;
    const account = this.store.state.accounts[resource.accountSid];
    if (!account) return;
    const sinkSids = new Set(
      this.store
        .list(
          "Subscription",
          (subscription) =>
            subscription.accountSid === resource.accountSid &&
            ((subscription.fields.types as { type: string }[]) ?? []).some((entry) => entry.type === event.type),
        )
        .map((subscription) => String(subscription.fields.sink_sid)),
    );
    for (const sinkSid of sinkSids) {
      const sink = this.store.get(sinkSid, "Sink");
      const configuration = sink?.fields.sink_configuration as { destination?: string } | undefined;
      if (!sink || sink.fields.sink_type !== "webhook" || !configuration?.destination) continue;
      const body = JSON.stringify([cloudEvent(event, now)]);
      const target = new URL(configuration.destination);
      const basic = target.username
        ? `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString("base64")}`
        : null;
      target.username = "";
      target.password = "";
      target.searchParams.set("bodySHA256", createHash("sha256").update(body, "utf8").digest("hex"));
      const url = target.toString();
      this.deliver(url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Twilio-Signature": twilioSignature(account.authToken, url, {}),
          "User-Agent": "Twilio-Event-Streams (sandbox)",
          ...(basic ? { Authorization: basic } : {}),
        },
        body,
      });
      if (sink.fields.status === "initialized") this.store.update(sink, { status: "active" }, now);
    }
  }

  private deliver(url: string, init: RequestInit): void {
    const delivery = fetch(url, { ...init, signal: AbortSignal.timeout(5000) })
      .then((response) => this.log(`[sandbox] delivered ${init.method} ${url} → ${response.status}`))
      .catch((error: unknown) =>
        this.log(`[sandbox] delivery to ${url} failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => this.underWay.delete(delivery));
    this.underWay.add(delivery);
  }

  /** Resolves when every callback and event sent so far has been delivered (or has failed). */
  async settled(): Promise<void> {
    while (this.underWay.size) await Promise.all([...this.underWay]);
  }
}
