import { createHash, randomBytes } from "node:crypto";

import { Clock, isoDate } from "./core/clock";
import { tooManyRequests, unauthorized } from "./core/errors";
import { twilioSignature } from "./core/signature";
import { Store, type AccountRecord, type FeeType, type StoredResource } from "./core/store";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, PRIMARY_CUSTOMER_PROFILE_SID } from "./defaults";
import { brandEvent, campaignEvent, cloudEvent, type A2pEvent } from "./events/a2p-events";
import type { Fault } from "./faults";
import { evaluateBundle } from "./trusthub/evaluate";
import { SECONDARY_CUSTOMER_PROFILE_POLICY } from "./trusthub/policies";

/** How long Twilio takes, in sandbox seconds. Each can be set by the environment. */
export type Delays = {
  /** pending-review → in-review */
  reviewSeconds: number;
  /** in-review → twilio-approved (or twilio-rejected) */
  approvalSeconds: number;
  /** brand PENDING → its outcome */
  brandSeconds: number;
  /** campaign IN_PROGRESS → VERIFIED or FAILED */
  campaignSeconds: number;
};

export const DEFAULT_DELAYS: Delays = { reviewSeconds: 5, approvalSeconds: 20, brandSeconds: 15, campaignSeconds: 30 };

export type SandboxOptions = {
  /** Where state is kept between restarts; null keeps it in memory only (tests). */
  stateFile?: string | null;
  delays?: Partial<Delays>;
  log?: (line: string) => void;
};

/** Registration fees the sandbox records per billable event (US dollars, illustrative). */
const FEES: Record<FeeType, number> = { brand_registration: 4.5, secondary_vetting: 41.5, campaign_vetting: 15 };

/**
 * The simulator's engine: accounts and credentials, the clock and everything that happens on it
 * (reviews, brand and campaign outcomes), status callbacks, events, fees, faults and rate limits.
 */
export class Sandbox {
  readonly store: Store;
  readonly clock: Clock;
  readonly delays: Delays;
  faults: Fault[] = [];
  private readonly log: (line: string) => void;
  /** Callbacks and events under way, so tests can wait for them. */
  private readonly deliveries = new Set<Promise<void>>();

  constructor(options: SandboxOptions = {}) {
    this.store = new Store(options.stateFile ?? null);
    this.clock = new Clock(this.store.state.clockOffsetMs);
    const given = Object.entries(options.delays ?? {}).filter(
      ([, value]) => typeof value === "number" && Number.isFinite(value),
    );
    this.delays = { ...DEFAULT_DELAYS, ...Object.fromEntries(given) };
    this.log = options.log ?? (() => undefined);
    this.ensureDefaults();
  }

  now(): number {
    return this.clock.now();
  }

  /** The ISV's account with its approved primary profile and a few phone numbers. */
  ensureDefaults(): void {
    const state = this.store.state;
    if (!state.accounts[DEFAULT_ACCOUNT_SID]) {
      const now = this.now();
      state.accounts[DEFAULT_ACCOUNT_SID] = {
        sid: DEFAULT_ACCOUNT_SID,
        authToken: DEFAULT_AUTH_TOKEN,
        parentSid: null,
        friendlyName: "Sandbox ISV",
        status: "active",
        createdAt: now,
        updatedAt: now,
      };
      this.store.create(
        "CustomerProfile",
        DEFAULT_ACCOUNT_SID,
        {
          policy_sid: SECONDARY_CUSTOMER_PROFILE_POLICY,
          friendly_name: "Sandbox ISV Primary Customer Profile",
          status: "twilio-approved",
          email: "compliance@isv.example",
          status_callback: null,
          valid_until: null,
          errors: null,
        },
        now,
        null,
        PRIMARY_CUSTOMER_PROFILE_SID,
      );
      this.givePhoneNumbers(DEFAULT_ACCOUNT_SID);
    }
  }

  reset(): void {
    this.store.reset();
    this.clock.offsetMs = 0;
    this.faults = [];
    this.ensureDefaults();
  }

  createSubaccount(parent: AccountRecord, friendlyName: string): AccountRecord {
    const now = this.now();
    const account: AccountRecord = {
      sid: `AC${randomBytes(16).toString("hex")}`,
      authToken: randomBytes(16).toString("hex"),
      parentSid: parent.sid,
      friendlyName,
      status: "active",
      createdAt: now,
      updatedAt: now,
    };
    this.store.state.accounts[account.sid] = account;
    this.givePhoneNumbers(account.sid);
    this.store.changed();
    return account;
  }

  /** Every account starts with three US local numbers, as if bought earlier. */
  private givePhoneNumbers(accountSid: string): void {
    const index = Object.keys(this.store.state.accounts).length;
    for (let n = 1; n <= 3; n++) {
      const phoneNumber = `+1415555${String(index).padStart(2, "0").slice(-2)}${String(n).padStart(2, "0")}`;
      this.store.create(
        "IncomingPhoneNumber",
        accountSid,
        { phone_number: phoneNumber, friendly_name: phoneNumber.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "($1) $2-$3") },
        this.now(),
      );
    }
  }

  /**
   * HTTP Basic with an account SID and that account's own auth token. A subaccount's SID with its
   * parent's token is refused (401, 20003): Twilio documents the parent's credentials for a
   * subaccount only on the 2010 API, with the subaccount in the path (/Accounts/{Sub}/...), and on
   * Trust Hub and Messaging says to use the subaccount's own credentials (live-twilio.md §1, [SUB]).
   */
  authenticate(header: string | undefined): AccountRecord {
    if (!header?.startsWith("Basic ")) throw unauthorized();
    const [username, ...rest] = Buffer.from(header.slice(6), "base64").toString("utf8").split(":");
    const password = rest.join(":");
    const account = username ? this.store.state.accounts[username] : undefined;
    if (!account || account.status !== "active" || password !== account.authToken) throw unauthorized();
    return account;
  }

  /** Twilio's rule for brands and campaigns: one creation per second per account. */
  enforceOnePerSecond(accountSid: string, what: "brand" | "campaign"): void {
    const key = `${accountSid}:${what}`;
    const last = this.store.state.lastRateLimited[key];
    const now = Date.now();
    if (last !== undefined && now - last < 1000) throw tooManyRequests();
    this.store.state.lastRateLimited[key] = now;
  }

  chargeFee(accountSid: string, type: FeeType, resourceSid: string): void {
    this.store.state.fees.push({ accountSid, type, resourceSid, amountUsd: FEES[type], at: isoDate(this.now()) });
    this.store.changed();
  }

  schedule(sid: string, afterSeconds: number, step: string): void {
    this.store.state.schedule = this.store.state.schedule.filter((entry) => entry.sid !== sid);
    this.store.state.schedule.push({ sid, at: this.now() + afterSeconds * 1000, step });
    this.store.changed();
  }

  /** Runs every transition whose time has come (called on a timer and before each request). */
  tick(): void {
    const now = this.now();
    const due = this.store.state.schedule.filter((entry) => entry.at <= now).sort((a, b) => a.at - b.at);
    if (!due.length) return;
    this.store.state.schedule = this.store.state.schedule.filter((entry) => entry.at > now);
    for (const entry of due) {
      const resource = this.store.get(entry.sid);
      if (resource) this.runStep(resource, entry.step);
    }
    this.store.changed();
  }

  /** Moves one resource on now, to the named outcome (control API). */
  advanceResource(resource: StoredResource, outcome: string): void {
    this.store.state.schedule = this.store.state.schedule.filter((entry) => entry.sid !== resource.sid);
    this.runStep(resource, outcome);
  }

  advanceClock(seconds: number): void {
    this.clock.advance(seconds);
    this.store.state.clockOffsetMs = this.clock.offsetMs;
    this.tick();
  }

  private runStep(resource: StoredResource, step: string): void {
    if (resource.kind === "CustomerProfile" || resource.kind === "TrustProduct") this.bundleStep(resource, step);
    else if (resource.kind === "BrandRegistration") this.brandStep(resource, step);
    else if (resource.kind === "Usa2p") this.campaignStep(resource, step);
  }

  // ---- Trust Hub bundles -------------------------------------------------------------------

  submitBundle(bundle: StoredResource): void {
    this.setBundleStatus(bundle, "pending-review");
    const evaluation = evaluateBundle(this.store, bundle);
    // A noncompliant bundle is rejected automatically (seed 001), right after the submission.
    if (evaluation.status === "noncompliant") this.schedule(bundle.sid, 0, "twilio-rejected");
    else this.schedule(bundle.sid, this.delays.reviewSeconds, "in-review");
  }

  private bundleStep(bundle: StoredResource, step: string): void {
    if (step === "in-review") {
      this.setBundleStatus(bundle, "in-review");
      this.schedule(bundle.sid, this.delays.approvalSeconds, "decide");
    } else if (step === "decide") {
      // Documented trigger: a business name containing "Rejected" is rejected by the reviewer.
      this.bundleStep(bundle, this.businessName(bundle).includes("Rejected") ? "twilio-rejected" : "twilio-approved");
    } else if (step === "twilio-rejected") {
      const evaluation = evaluateBundle(this.store, bundle);
      const failed = evaluation.results.filter((result) => !result.passed);
      const errors = failed.length
        ? failed.map((result) => ({
            code: result.error_code,
            message: result.failure_reason,
            fields: result.invalid.map((field) => field.object_field),
          }))
        : [
            {
              code: 22217,
              message: "The business could not be verified by the Trust Hub reviewer.",
              fields: ["business_name"],
            },
          ];
      this.setBundleStatus(bundle, "twilio-rejected", errors);
    } else if (step === "twilio-approved") {
      this.setBundleStatus(bundle, "twilio-approved");
      this.store.update(bundle, { valid_until: isoDate(this.now() + 365 * 86_400_000) }, this.now());
    } else if (["draft", "pending-review", "in-review"].includes(step)) {
      this.setBundleStatus(bundle, step);
    }
  }

  /** The business name behind a bundle: its own business EndUser, or its customer profile's. */
  businessName(bundle: StoredResource): string {
    const seen = new Set<string>();
    const visit = (sid: string): string => {
      if (seen.has(sid)) return "";
      seen.add(sid);
      for (const assignment of this.store.list("EntityAssignment", (a) => a.parentSid === sid)) {
        const object = this.store.get(String(assignment.fields.object_sid));
        if (!object) continue;
        if (object.kind === "EndUser" && object.fields.type === "customer_profile_business_information") {
          return String((object.fields.attributes as Record<string, unknown>).business_name ?? "");
        }
        if (object.kind === "EndUser" && object.fields.type === "sole_proprietor_information") {
          return String((object.fields.attributes as Record<string, unknown>).brand_name ?? "");
        }
      }
      for (const assignment of this.store.list("EntityAssignment", (a) => a.parentSid === sid)) {
        const object = this.store.get(String(assignment.fields.object_sid));
        if (object?.kind === "CustomerProfile" && object.accountSid === bundle.accountSid) {
          const name = visit(object.sid);
          if (name) return name;
        }
      }
      return "";
    };
    return visit(bundle.sid);
  }

  setBundleStatus(bundle: StoredResource, status: string, errors: unknown[] | null = null): void {
    const previous = String(bundle.fields.status);
    this.store.update(bundle, { status, errors: status === "twilio-rejected" ? errors : null }, this.now());
    if (previous !== status) this.sendStatusCallback(bundle);
  }

  /**
   * Twilio does not publish this payload. The sandbox sends what handlers of live callbacks are seen
   * to read, and nothing more (live-twilio.md §2, [3P-H][3P-S]): form-encoded AccountSid, BundleSid,
   * Status and, when rejected, FailureReason, signed with the auth token of the account that owns the
   * bundle. See sandbox/README.md.
   */
  private sendStatusCallback(bundle: StoredResource): void {
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

  // ---- Brands and campaigns ----------------------------------------------------------------

  private brandStep(brand: StoredResource, step: string): void {
    const f = brand.fields;
    const now = this.now();
    if (step === "decide") {
      const bundles = [
        this.store.get(String(f.customer_profile_bundle_sid)),
        this.store.get(String(f.a2p_profile_bundle_sid)),
      ];
      const rejected = bundles.filter((bundle) => bundle?.fields.status === "twilio-rejected");
      if (rejected.length) return this.failBrandForBundles(brand, rejected as StoredResource[]);
      // TCR looks at the brand once Trust Hub has approved both bundles.
      if (!bundles.every((bundle) => bundle?.fields.status === "twilio-approved"))
        return this.schedule(brand.sid, this.delays.brandSeconds, "decide");
      // Documented triggers on the customer profile's business name (sandbox/README.md).
      const name = this.businessName(bundles[0]!);
      // A Sole Proprietor brand waits for its owner to confirm the one-time code sent to the
      // mobile number (Twilio's Sole Proprietor walkthrough): advance it with "otp-verified".
      if (f.brand_type === "SOLE_PROPRIETOR") {
        if (!f.otp_sent_at) this.store.update(brand, { otp_sent_at: isoDate(now) }, now);
        return;
      }
      if (/mismatch|fail/i.test(name)) return this.brandStep(brand, "FAILED");
      // Authentication+ (live-twilio.md §5): TCR emails a 2FA link to a public company's brand
      // contact, and the brand waits (30994, "brand pending, awaiting 2FA") until it is clicked:
      // advance it with "email-2fa-clicked". Twilio does this for every public for-profit brand;
      // the sandbox does it for names with "Listed", so the demo's public Acme stays approved.
      if (/listed/i.test(name) && this.companyType(bundles[1]!) === "public") return this.awaitTwoFactor(brand);
      if (/review/i.test(name)) return this.brandStep(brand, "IN_REVIEW");
      return this.brandStep(brand, "APPROVED");
    }
    if (step === "APPROVED") {
      const vetted = f.brand_type === "STANDARD" && !f.skip_automatic_sec_vet;
      if (vetted) this.chargeFee(brand.accountSid, "secondary_vetting", brand.sid);
      this.store.update(
        brand,
        {
          status: "APPROVED",
          identity_status: vetted ? "VETTED_VERIFIED" : "VERIFIED",
          brand_score: vetted ? 82 : null,
          tcr_id: f.tcr_id ?? `B${randomBytes(3).toString("hex").toUpperCase()}`,
          errors: [],
          failure_reason: null,
        },
        now,
      );
    } else if (step === "FAILED") {
      this.store.update(
        brand,
        {
          status: "FAILED",
          identity_status: "UNVERIFIED",
          failure_reason: "Brand identity could not be verified.",
          errors: [
            {
              error_code: 30799,
              url: "https://www.twilio.com/docs/errors/30799",
              description:
                "The business identity provided does not match the records for this EIN/Tax ID. Check the legal business name, the registration number and the address.",
              fields: ["business_name", "business_registration_number", "address"],
            },
          ],
        },
        now,
      );
    } else if (step === "IN_REVIEW") {
      this.store.update(brand, { status: "IN_REVIEW" }, now);
    } else if (step === "email-2fa-clicked") {
      return this.brandStep(brand, "APPROVED");
    } else if (step === "otp-verified") {
      this.store.update(
        brand,
        { status: "APPROVED", identity_status: "VERIFIED", errors: [], failure_reason: null },
        now,
      );
    } else if (["PENDING", "SUSPENDED"].includes(step)) {
      this.store.update(brand, { status: step }, now);
    } else return;
    this.publish(brand, brandEvent(brand));
  }

  private awaitTwoFactor(brand: StoredResource): void {
    const now = this.now();
    this.store.update(
      brand,
      {
        identity_status: "UNVERIFIED",
        two_fa_sent_at: brand.fields.two_fa_sent_at ?? isoDate(now),
        errors: [
          {
            error_code: 30994,
            url: "https://www.twilio.com/docs/errors/30994",
            description:
              "Brand pending: awaiting Authentication+ verification. The Campaign Registry emailed a link to the brand contact email.",
            fields: ["brand_contact_email"],
          },
        ],
      },
      now,
    );
  }

  /** The company type on a messaging-profile trust product (us_a2p_messaging_profile_information). */
  private companyType(trustProduct: StoredResource): string {
    for (const assignment of this.store.list("EntityAssignment", (a) => a.parentSid === trustProduct.sid)) {
      const object = this.store.get(String(assignment.fields.object_sid));
      if (object?.kind === "EndUser" && object.fields.type === "us_a2p_messaging_profile_information")
        return String((object.fields.attributes as Record<string, unknown>).company_type ?? "");
    }
    return "";
  }

  private failBrandForBundles(brand: StoredResource, rejected: StoredResource[]): void {
    const errors = rejected.flatMap((bundle) =>
      ((bundle.fields.errors as { code: number; message: string; fields?: string[] }[] | null) ?? []).map((error) => ({
        error_code: error.code,
        url: `https://www.twilio.com/docs/errors/${error.code}`,
        description: error.message,
        fields: error.fields ?? [],
      })),
    );
    this.store.update(
      brand,
      {
        status: "FAILED",
        identity_status: "UNVERIFIED",
        failure_reason: "A Trust Hub bundle of this brand was rejected.",
        errors,
      },
      this.now(),
    );
    this.publish(brand, brandEvent(brand));
  }

  private campaignStep(campaign: StoredResource, step: string): void {
    const now = this.now();
    if (step === "decide") {
      // Documented trigger: a description containing "Fail" fails the campaign.
      return this.campaignStep(campaign, /fail/i.test(String(campaign.fields.description)) ? "FAILED" : "VERIFIED");
    }
    if (step === "VERIFIED")
      this.store.update(
        campaign,
        {
          campaign_status: "VERIFIED",
          campaign_id: campaign.fields.campaign_id ?? `C${randomBytes(3).toString("hex").toUpperCase()}`,
          errors: [],
        },
        now,
      );
    else if (step === "FAILED") {
      this.store.update(
        campaign,
        {
          campaign_status: "FAILED",
          errors: [
            {
              error_code: 30896,
              description: "The campaign's description or message samples do not match the use case.",
              fields: ["description", "message_samples"],
            },
          ],
        },
        now,
      );
    } else if (step === "IN_PROGRESS") this.store.update(campaign, { campaign_status: "IN_PROGRESS" }, now);
    else return;
    this.publish(campaign, campaignEvent(campaign, this.now()));
  }

  /**
   * Delivers an event the way Event Streams does: only to the webhook sinks of the resource's own
   * account that a subscription names for this type; the body a JSON array of CloudEvents; the URL
   * given a `bodySHA256` parameter (SHA-256 of the body) and signed with X-Twilio-Signature by the
   * sink owner's auth token (twilio.validateRequestWithBody accepts it); `user:pass@` in the
   * destination sent as HTTP Basic (live-twilio.md §3).
   */
  private publish(resource: StoredResource, event: A2pEvent | null): void {
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
      const body = JSON.stringify([cloudEvent(event, this.now())]);
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
      if (sink.fields.status === "initialized") this.store.update(sink, { status: "active" }, this.now());
    }
  }

  private deliver(url: string, init: RequestInit): void {
    const delivery = fetch(url, { ...init, signal: AbortSignal.timeout(5000) })
      .then((response) => this.log(`[sandbox] delivered ${init.method} ${url} → ${response.status}`))
      .catch((error: unknown) =>
        this.log(`[sandbox] delivery to ${url} failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => this.deliveries.delete(delivery));
    this.deliveries.add(delivery);
  }

  /** Resolves when every callback and event sent so far has been delivered (or has failed). */
  async settled(): Promise<void> {
    while (this.deliveries.size) await Promise.all([...this.deliveries]);
  }

  /** What GET /__sandbox/state shows: each account's resources as the API returns them. */
  snapshot(render: (resource: StoredResource) => Record<string, unknown>) {
    const groups: Record<string, string> = {
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
    };
    return {
      now: isoDate(this.now()),
      accounts: Object.values(this.store.state.accounts).map((account) => {
        const resources: Record<string, Record<string, unknown>[]> = Object.fromEntries(
          Object.values(groups).map((group) => [group, []]),
        );
        for (const resource of Object.values(this.store.state.resources)) {
          if (resource.accountSid === account.sid) resources[groups[resource.kind]!]!.push(render(resource));
        }
        return {
          sid: account.sid,
          parentSid: account.parentSid,
          friendlyName: account.friendlyName,
          resources,
          fees: this.store.state.fees.filter((fee) => fee.accountSid === account.sid),
        };
      }),
    };
  }
}
