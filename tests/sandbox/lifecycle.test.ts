import type { Twilio } from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { buildSecondaryProfile, buildTrustProduct } from "../support/sandbox-flows";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({
    delays: { reviewSeconds: 60, approvalSeconds: 600, brandSeconds: 300, campaignSeconds: 900 },
  });
});
afterAll(() => sandbox.close());

const advance = (body: Record<string, unknown>) => sandbox.control("POST", "advance", body);
const profileStatus = async (client: Twilio, sid: string) =>
  (await client.trusthub.v1.customerProfiles(sid).fetch()).status;

/** A profile and trust product, both submitted and approved, ready for a brand. */
async function approvedBundles(client: Twilio, businessName = "Acme, Inc.") {
  const profile = await buildSecondaryProfile(client, { business: { business_name: businessName } });
  await client.trusthub.v1.customerProfiles(profile.sid).update({ status: "pending-review" });
  const product = await buildTrustProduct(client, profile.sid);
  await client.trusthub.v1.trustProducts(product.sid).update({ status: "pending-review" });
  await advance({ sid: profile.sid, outcome: "twilio-approved" });
  await advance({ sid: product.sid, outcome: "twilio-approved" });
  return { profile, product };
}

let lastBrandAnsweredAt = 0;
/**
 * Brands at Twilio's pace: one per second, counted from the previous answer (Twilio counts arrivals,
 * which come at the latest with the answer; decision 0019).
 */
async function createBrand(
  client: Twilio,
  bundles: { profile: { sid: string }; product: { sid: string } },
  options: Record<string, unknown> = {},
) {
  const wait = lastBrandAnsweredAt + 1100 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  try {
    return await client.messaging.v1.brandRegistrations.create({
      customerProfileBundleSid: bundles.profile.sid,
      a2PProfileBundleSid: bundles.product.sid,
      ...options,
    });
  } finally {
    lastBrandAnsweredAt = Date.now();
  }
}

describe("Trust Hub review lifecycle", () => {
  it("a noncompliant bundle submitted for review is rejected at once, with the reasons", async () => {
    const client = sandbox.client();
    const profile = await buildSecondaryProfile(client, { skip: ["address"] });
    expect((await client.trusthub.v1.customerProfiles(profile.sid).update({ status: "pending-review" })).status).toBe(
      "pending-review",
    );
    await advance({ seconds: 0 });
    const rejected = await client.trusthub.v1.customerProfiles(profile.sid).fetch();
    expect(rejected.status).toBe("twilio-rejected");
    expect(rejected.errors).toEqual([expect.objectContaining({ code: 22216, fields: ["address_sids"] })]);
  });

  it("a compliant bundle moves pending-review → in-review → twilio-approved as the clock moves", async () => {
    const client = sandbox.client();
    const profile = await buildSecondaryProfile(client);
    await client.trusthub.v1.customerProfiles(profile.sid).update({ status: "pending-review" });
    expect(await profileStatus(client, profile.sid)).toBe("pending-review");
    await advance({ seconds: 59 });
    expect(await profileStatus(client, profile.sid)).toBe("pending-review");
    await advance({ seconds: 2 });
    expect(await profileStatus(client, profile.sid)).toBe("in-review");
    await advance({ seconds: 600 });
    const approved = await client.trusthub.v1.customerProfiles(profile.sid).fetch();
    expect(approved.status).toBe("twilio-approved");
    expect(approved.validUntil).not.toBeNull();
  });

  it("a business name containing 'Rejected' is rejected by the reviewer", async () => {
    const client = sandbox.client();
    const profile = await buildSecondaryProfile(client, { business: { business_name: "Rejected Widgets LLC" } });
    await client.trusthub.v1.customerProfiles(profile.sid).update({ status: "pending-review" });
    await advance({ seconds: 61 });
    await advance({ seconds: 601 });
    expect(await profileStatus(client, profile.sid)).toBe("twilio-rejected");
  });

  it("only pending-review may be set, and only from draft or twilio-rejected", async () => {
    const client = sandbox.client();
    const profile = await buildSecondaryProfile(client);
    expect(
      await client.trusthub.v1
        .customerProfiles(profile.sid)
        .update({ status: "twilio-approved" })
        .catch((e: { status: number }) => e.status),
    ).toBe(400);
    await client.trusthub.v1.customerProfiles(profile.sid).update({ status: "pending-review" });
    expect(
      await client.trusthub.v1
        .customerProfiles(profile.sid)
        .update({ status: "pending-review" })
        .then((p) => p.status),
    ).toBe("pending-review");
    await advance({ sid: profile.sid, outcome: "in-review" });
    expect(
      await client.trusthub.v1
        .customerProfiles(profile.sid)
        .update({ status: "pending-review" })
        .catch((e: { code: number }) => e.code),
    ).toBe(20001);
  });

  it("a bundle past draft takes no new assignments and its items no new attributes while under review; status comes alone", async () => {
    const client = sandbox.client();
    const trusthub = client.trusthub.v1;
    const profile = await buildSecondaryProfile(client);
    // Twilio's 22204: a status change and other properties in one update.
    expect(
      await trusthub
        .customerProfiles(profile.sid)
        .update({ status: "pending-review", friendlyName: "renamed" })
        .catch((e: { code: number }) => e.code),
    ).toBe(22204);
    // A status outside the enumeration: 22203.
    expect(
      await trusthub
        .customerProfiles(profile.sid)
        .update({ status: "approved" as never })
        .catch((e: { code: number }) => e.code),
    ).toBe(22203);
    await trusthub.customerProfiles(profile.sid).update({ status: "pending-review" });
    const extra = await trusthub.endUsers.create({
      friendlyName: "rep 2",
      type: "authorized_representative_2",
      attributes: {},
    });
    const refusal = await trusthub
      .customerProfiles(profile.sid)
      .customerProfilesEntityAssignments.create({ objectSid: extra.sid })
      .catch((e: { status: number; message: string }) => e);
    expect(refusal).toMatchObject({ status: 400, code: 20001 });
    expect((refusal as unknown as Error).message).toMatch(/cannot change while its status is pending-review/);
    const assigned = await trusthub.customerProfiles(profile.sid).customerProfilesEntityAssignments.list();
    const assignedUser = assigned.find((a) => a.objectSid.startsWith("IT"))!.objectSid;
    expect(
      await trusthub
        .endUsers(assignedUser)
        .update({ attributes: { last_name: "Changed" } })
        .catch((e: { message: string }) => e.message),
    ).toMatch(/cannot change while bundle .* is pending-review/);
    // An object of another account, and an object that is not a bundle item: 22205 and 22206.
    const draft = await buildSecondaryProfile(client, { skip: ["primary"] });
    expect(
      await trusthub
        .customerProfiles(draft.sid)
        .customerProfilesEntityAssignments.create({ objectSid: "IT" + "0".repeat(32) })
        .catch((e: { code: number }) => e.code),
    ).toBe(22205);
    // Rejected: editable again, so the customer's fix can be resubmitted.
    await advance({ sid: profile.sid, outcome: "twilio-rejected" });
    await trusthub.endUsers(assignedUser).update({ attributes: { last_name: "Fixed" } });
    expect((await trusthub.endUsers(assignedUser).fetch()).attributes).toMatchObject({ last_name: "Fixed" });
  });
});

describe("brands", () => {
  it("PENDING → APPROVED with secondary vetting: VETTED_VERIFIED, a score, and the fees recorded", async () => {
    const client = sandbox.client();
    const brand = await createBrand(client, await approvedBundles(client));
    expect(brand).toMatchObject({
      status: "PENDING",
      identityStatus: "UNVERIFIED",
      brandType: "STANDARD",
      skipAutomaticSecVet: false,
    });
    expect(brand.sid).toMatch(/^BN[0-9a-f]{32}$/);
    await advance({ seconds: 301 });
    const approved = await client.messaging.v1.brandRegistrations(brand.sid).fetch();
    expect(approved).toMatchObject({
      status: "APPROVED",
      identityStatus: "VETTED_VERIFIED",
      brandScore: 82,
      errors: [],
    });
    expect(approved.tcrId).toMatch(/^B[0-9A-F]{6}$/);
    const state = await sandbox.control("GET", "state");
    const fees = state.body
      .accounts!.find((account) => account.sid === brand.accountSid)!
      .fees.filter((fee) => fee.resourceSid === brand.sid);
    expect(fees.map((fee) => fee.type)).toEqual(["brand_registration", "secondary_vetting"]);
  });

  it("a mock brand costs nothing, not even its vetting (mock-brand-api.md, #25 line 7)", async () => {
    const client = sandbox.client();
    const brand = await createBrand(client, await approvedBundles(client), { mock: true });
    expect(brand.mock).toBe(true);
    await advance({ sid: brand.sid, outcome: "decide" });
    expect((await client.messaging.v1.brandRegistrations(brand.sid).fetch()).status).toBe("APPROVED");
    const state = await sandbox.control("GET", "state");
    const fees = state.body
      .accounts!.find((account) => account.sid === brand.accountSid)!
      .fees.filter((fee) => fee.resourceSid === brand.sid);
    expect(fees).toEqual([]);
  });

  it("Low-Volume Standard (skip_automatic_sec_vet) is VERIFIED without a vetting fee", async () => {
    const client = sandbox.client();
    const brand = await createBrand(client, await approvedBundles(client), { skipAutomaticSecVet: true });
    await advance({ sid: brand.sid, outcome: "decide" });
    expect((await client.messaging.v1.brandRegistrations(brand.sid).fetch()).identityStatus).toBe("VERIFIED");
    const state = await sandbox.control("GET", "state");
    const fees = state.body.accounts!.flatMap((account) => account.fees).filter((fee) => fee.resourceSid === brand.sid);
    expect(fees.map((fee) => fee.type)).toEqual(["brand_registration"]);
  });

  it("an identity mismatch FAILS with Twilio's error 30799; resubmission only from FAILED, at most 3 times", async () => {
    const client = sandbox.client();
    const brand = await createBrand(client, await approvedBundles(client, "Mismatch Holdings"));
    expect(
      await client.messaging.v1
        .brandRegistrations(brand.sid)
        .update()
        .catch((e: { status: number; code: number }) => [e.status, e.code]),
    ).toEqual([400, 21725]);
    await advance({ seconds: 301 });
    const failed = await client.messaging.v1.brandRegistrations(brand.sid).fetch();
    expect(failed.status).toBe("FAILED");
    expect(failed.errors).toEqual([
      expect.objectContaining({ error_code: 30799, fields: expect.arrayContaining(["business_name"]) }),
    ]);
    for (let attempt = 1; attempt <= 3; attempt++) {
      // Twilio answers a brand update with 202 Accepted (Messaging v1 OpenAPI).
      const answer = await fetch(`${sandbox.url}/v1/a2p/BrandRegistrations/${brand.sid}`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${DEFAULT_ACCOUNT_SID}:${DEFAULT_AUTH_TOKEN}`).toString("base64")}`,
        },
      });
      expect(answer.status).toBe(202);
      expect(((await answer.json()) as { status: string }).status).toBe("PENDING");
      await advance({ sid: brand.sid, outcome: "decide" });
      expect((await client.messaging.v1.brandRegistrations(brand.sid).fetch()).status).toBe("FAILED");
    }
    expect(
      await client.messaging.v1
        .brandRegistrations(brand.sid)
        .update()
        .catch((e: { code: number; message: string }) => `${e.code} ${e.message}`),
    ).toMatch(/^21724 .*resubmitted 3 times/);
  });

  it("a name containing 'Review' leaves the brand IN_REVIEW", async () => {
    const client = sandbox.client();
    const brand = await createBrand(client, await approvedBundles(client, "Needs Review Co"));
    await advance({ sid: brand.sid, outcome: "decide" });
    expect((await client.messaging.v1.brandRegistrations(brand.sid).fetch()).status).toBe("IN_REVIEW");
  });

  it("a brand waits for its bundles' approval, and fails if one is rejected", async () => {
    const client = sandbox.client();
    const profile = await buildSecondaryProfile(client);
    const product = await buildTrustProduct(client, profile.sid);
    expect(await createBrand(client, { profile, product }).catch((e: { code: number }) => e.code)).toBe(20001); // drafts
    await client.trusthub.v1.customerProfiles(profile.sid).update({ status: "pending-review" });
    await client.trusthub.v1.trustProducts(product.sid).update({ status: "pending-review" });
    const brand = await createBrand(client, { profile, product });
    await advance({ sid: brand.sid, outcome: "decide" });
    expect((await client.messaging.v1.brandRegistrations(brand.sid).fetch()).status).toBe("PENDING");
    await advance({ sid: product.sid, outcome: "twilio-rejected" });
    await advance({ sid: brand.sid, outcome: "decide" });
    expect((await client.messaging.v1.brandRegistrations(brand.sid).fetch()).status).toBe("FAILED");
  });

  it("a sole-proprietor brand is APPROVED and UNVERIFIED, its code sent then, and VERIFIED once it is confirmed (walkthrough §3.1)", async () => {
    const client = sandbox.client();
    const brand = await createBrand(client, await approvedBundles(client), { brandType: "SOLE_PROPRIETOR" });
    // No code before APPROVED: a confirmation then changes nothing.
    await advance({ sid: brand.sid, outcome: "otp-verified" });
    expect(sandbox.sandbox.store.get(brand.sid)!.fields.status).toBe("PENDING");
    expect(sandbox.sandbox.store.get(brand.sid)!.fields.otp_sent_at ?? null).toBeNull();
    await advance({ sid: brand.sid, outcome: "decide" });
    expect(await client.messaging.v1.brandRegistrations(brand.sid).fetch()).toMatchObject({
      status: "APPROVED",
      identityStatus: "UNVERIFIED",
    });
    expect(sandbox.sandbox.store.get(brand.sid)!.fields.otp_sent_at).toBeTruthy();
    const otp = await client.messaging.v1.brandRegistrations(brand.sid).brandRegistrationOtps.create();
    expect(otp.brandRegistrationSid).toBe(brand.sid);
    await advance({ sid: brand.sid, outcome: "otp-verified" });
    expect(await client.messaging.v1.brandRegistrations(brand.sid).fetch()).toMatchObject({
      status: "APPROVED",
      identityStatus: "VERIFIED",
    });
  });

  it("vettings can be created, listed and fetched", async () => {
    const client = sandbox.client();
    const brand = await createBrand(client, await approvedBundles(client));
    const vetting = await client.messaging.v1
      .brandRegistrations(brand.sid)
      .brandVettings.create({ vettingProvider: "campaign-verify", vettingId: "cv|1.0|tcr|10dlc|abc" });
    expect(vetting.brandVettingSid).toMatch(/^VT[0-9a-f]{32}$/);
    expect(
      (await client.messaging.v1.brandRegistrations(brand.sid).brandVettings.list()).map((v) => v.brandVettingSid),
    ).toEqual([vetting.brandVettingSid]);
    expect(
      (await client.messaging.v1.brandRegistrations(brand.sid).brandVettings(vetting.brandVettingSid).fetch())
        .vettingProvider,
    ).toBe("campaign-verify");
  });
});

describe("messaging services and campaigns", () => {
  async function approvedBrand(client: Twilio) {
    const brand = await createBrand(client, await approvedBundles(client));
    await advance({ sid: brand.sid, outcome: "APPROVED" });
    return brand;
  }
  const campaign = (description: string) => ({
    description: description.padEnd(40, "."),
    messageFlow: "Customers opt in on our website's checkout form.",
    messageSamples: ["Your order #123 has shipped.", "Your appointment is tomorrow at 10am."],
    usAppToPersonUsecase: "ACCOUNT_NOTIFICATION",
    hasEmbeddedLinks: false,
    hasEmbeddedPhone: false,
  });

  it("a service with a number, a campaign IN_PROGRESS → VERIFIED, and its vetting fee", async () => {
    const client = sandbox.client();
    const brand = await approvedBrand(client);
    const service = await client.messaging.v1.services.create({
      friendlyName: "Acme, Inc.'s A2P 10DLC Messaging Service",
    });
    const [number] = await client.incomingPhoneNumbers.list({ limit: 1 });
    const added = await client.messaging.v1.services(service.sid).phoneNumbers.create({ phoneNumberSid: number!.sid });
    expect(added.phoneNumber).toBe(number!.phoneNumber);
    expect(
      await client.messaging.v1
        .services(service.sid)
        .phoneNumbers.create({ phoneNumberSid: number!.sid })
        .catch((e: { code: number }) => e.code),
    ).toBe(21710);
    // In another service: Twilio's 21712.
    const other = await client.messaging.v1.services.create({ friendlyName: "Other service" });
    expect(
      await client.messaging.v1
        .services(other.sid)
        .phoneNumbers.create({ phoneNumberSid: number!.sid })
        .catch((e: { code: number }) => e.code),
    ).toBe(21712);
    const usecases = await client.messaging.v1
      .services(service.sid)
      .usAppToPersonUsecases.fetch({ brandRegistrationSid: brand.sid });
    expect(usecases.usAppToPersonUsecases.length).toBe(20);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const created = await client.messaging.v1.services(service.sid).usAppToPerson.create({
      brandRegistrationSid: brand.sid,
      ...campaign("Order and appointment notifications for Acme customers."),
    });
    // PENDING, then IN_PROGRESS once TCR starts reviewing, then decided (Sole Proprietor walkthrough §5.1).
    expect(created).toMatchObject({ campaignStatus: "PENDING" });
    expect(created.sid).toMatch(/^QE[0-9a-f]{32}$/);
    await advance({ seconds: 301 });
    expect((await client.messaging.v1.services(service.sid).usAppToPerson(created.sid).fetch()).campaignStatus).toBe(
      "IN_PROGRESS",
    );
    await advance({ seconds: 901 });
    expect((await client.messaging.v1.services(service.sid).usAppToPerson(created.sid).fetch()).campaignStatus).toBe(
      "VERIFIED",
    );
    expect((await client.messaging.v1.services(service.sid).fetch()).usAppToPersonRegistered).toBe(true);
    const state = await sandbox.control("GET", "state");
    expect(
      state.body.accounts![0]!.fees.some((fee) => fee.type === "campaign_vetting" && fee.resourceSid === created.sid),
    ).toBe(true);

    await client.messaging.v1.services(service.sid).usAppToPerson(created.sid).remove();
    expect(await client.messaging.v1.services(service.sid).usAppToPerson.list()).toEqual([]);
    await client.messaging.v1.services(service.sid).remove();
    expect(
      await client.messaging.v1
        .services(service.sid)
        .fetch()
        .catch((e: { status: number }) => e.status),
    ).toBe(404);
  });

  it("campaigns follow Twilio's rules: lengths, 2–5 samples, required fields, use case (400, Twilio's codes)", async () => {
    const client = sandbox.client();
    const brand = await approvedBrand(client);
    const service = await client.messaging.v1.services.create({ friendlyName: "Rules svc" });
    const valid = campaign("Order and delivery notifications for customers of Acme's online store.");
    const attempt = (changes: Record<string, unknown>) =>
      client.messaging.v1
        .services(service.sid)
        .usAppToPerson.create({ brandRegistrationSid: brand.sid, ...valid, ...changes } as never)
        .then(
          () => "created",
          (e: { status: number; code: number; moreInfo: string; message: string }) => e,
        );
    const refusals: [Record<string, unknown>, number, RegExp][] = [
      [{ description: "Too short to describe anything." }, 21728, /Description must be between 40 and 4096/],
      [{ description: "x".repeat(4097) }, 21728, /Description/],
      [{ messageFlow: "Opt in on the web." }, 21728, /MessageFlow must be between 40 and 2048/],
      [{ messageSamples: ["Your order #123 has shipped."] }, 21728, /between 2 and 5 samples; it has 1/],
      [{ messageSamples: Array(6).fill("Your order #123 has shipped.") }, 21728, /it has 6/],
      [{ messageSamples: ["Shipped.", "Your appointment is tomorrow at 10am."] }, 21728, /MessageSamples\[0\]/],
      [{ optInMessage: "Reply YES" }, 21728, /OptInMessage must be between 20 and 320/],
      [{ helpMessage: "h".repeat(321) }, 21728, /HelpMessage/],
      [{ usAppToPersonUsecase: "account_notification" }, 21720, /not a valid use case/],
    ];
    for (const [changes, code, message] of refusals) {
      const error = await attempt(changes);
      expect(error, JSON.stringify(changes).slice(0, 80)).toMatchObject({
        status: 400,
        code,
        moreInfo: `https://www.twilio.com/docs/errors/${code}`,
      });
      expect((error as unknown as Error).message).toMatch(message);
    }
    // Missing required parameters, sent raw (the SDK refuses to send them): 21727.
    const raw = await fetch(`${sandbox.url}/v1/Services/${service.sid}/Compliance/Usa2p`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${DEFAULT_ACCOUNT_SID}:${DEFAULT_AUTH_TOKEN}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ BrandRegistrationSid: brand.sid, MessageFlow: valid.messageFlow }),
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({
      code: 21727,
      message: "Campaign is missing required parameter Description",
      more_info: "https://www.twilio.com/docs/errors/21727",
      status: 400,
    });
    // The valid campaign on the approved brand is created.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await attempt({})).toBe("created");
  });

  it("a campaign whose description contains 'Fail' FAILS; campaigns need an APPROVED brand", async () => {
    const client = sandbox.client();
    const service = await client.messaging.v1.services.create({ friendlyName: "svc" });
    const pending = await createBrand(client, await approvedBundles(client));
    expect(
      await client.messaging.v1
        .services(service.sid)
        .usAppToPerson.create({ brandRegistrationSid: pending.sid, ...campaign("x") })
        .catch((e: { code: number }) => e.code),
    ).toBe(21717);
    const brand = await approvedBrand(client);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const created = await client.messaging.v1.services(service.sid).usAppToPerson.create({
      brandRegistrationSid: brand.sid,
      ...campaign("Order updates for Acme shoppers; this one should Fail review."),
    });
    await advance({ sid: created.sid, outcome: "decide" });
    const failed = await client.messaging.v1.services(service.sid).usAppToPerson(created.sid).fetch();
    expect(failed.campaignStatus).toBe("FAILED");
    // A vague description is 30886; 30896 is kept for opt-in problems (Twilio's error list).
    expect(failed.errors).toEqual([expect.objectContaining({ error_code: 30886, fields: ["DESCRIPTION"] })]);

    // Fixed and updated (200): the same campaign goes back to vetting, charged again; it cannot be
    // updated while under review.
    const update = {
      description: "Order and delivery updates for shoppers of Acme's online store.",
      messageFlow: failed.messageFlow,
      messageSamples: failed.messageSamples,
      hasEmbeddedLinks: false,
      hasEmbeddedPhone: false,
      ageGated: false,
      directLending: false,
    };
    const updated = await client.messaging.v1.services(service.sid).usAppToPerson(created.sid).update(update);
    expect([updated.sid, updated.campaignStatus, updated.description]).toEqual([
      created.sid,
      "PENDING",
      update.description,
    ]);
    expect(
      await client.messaging.v1
        .services(service.sid)
        .usAppToPerson(created.sid)
        .update(update)
        .catch((e: { code: number }) => e.code),
    ).toBe(20001);
    await advance({ sid: created.sid, outcome: "decide" });
    expect((await client.messaging.v1.services(service.sid).usAppToPerson(created.sid).fetch()).campaignStatus).toBe(
      "VERIFIED",
    );
    const state = await sandbox.control("GET", "state");
    const vettings = state.body.accounts!.flatMap((a) => a.fees).filter((fee) => fee.resourceSid === created.sid);
    expect(vettings.map((fee) => fee.type)).toEqual(["campaign_vetting", "campaign_vetting"]);
  });
});

describe("Twilio's documented rules (#25 line 10, sources in sandbox/README.md)", () => {
  const campaign = (usecase: string) => ({
    description: "Order and appointment notifications for Acme's customers.",
    messageFlow: "Customers opt in on our website's checkout form.",
    messageSamples: ["Your order #123 has shipped.", "Your appointment is tomorrow at 10am."],
    usAppToPersonUsecase: usecase,
    hasEmbeddedLinks: false,
    hasEmbeddedPhone: false,
  });
  const codeOf = (promise: Promise<unknown>) => promise.then(() => null).catch((e: { code: number }) => e.code);
  let lastCampaignAt = 0;
  /** Campaign requests at Twilio's pace (one a second per account). */
  async function paced<T>(request: () => Promise<T>): Promise<T> {
    const wait = lastCampaignAt + 1100 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      return await request();
    } finally {
      lastCampaignAt = Date.now();
    }
  }

  it("use case and brand type go together (21717); a Sole Proprietor campaign waits for VERIFIED; a mock one never comes", async () => {
    const client = sandbox.client();
    const service = await client.messaging.v1.services.create({ friendlyName: "svc" });
    const standard = await createBrand(client, await approvedBundles(client));
    await advance({ sid: standard.sid, outcome: "APPROVED" });
    const usa2p = client.messaging.v1.services(service.sid).usAppToPerson;
    expect(
      await codeOf(paced(() => usa2p.create({ brandRegistrationSid: standard.sid, ...campaign("SOLE_PROPRIETOR") }))),
    ).toBe(21717);

    const sole = await createBrand(client, await approvedBundles(client), { brandType: "SOLE_PROPRIETOR" });
    await advance({ sid: sole.sid, outcome: "decide" });
    // APPROVED, identity UNVERIFIED: no campaign until the owner confirms the code.
    expect(
      await codeOf(paced(() => usa2p.create({ brandRegistrationSid: sole.sid, ...campaign("SOLE_PROPRIETOR") }))),
    ).toBe(21717);
    await advance({ sid: sole.sid, outcome: "otp-verified" });
    expect(await codeOf(paced(() => usa2p.create({ brandRegistrationSid: sole.sid, ...campaign("MIXED") })))).toBe(
      21717,
    );
    const created = await paced(() => usa2p.create({ brandRegistrationSid: sole.sid, ...campaign("SOLE_PROPRIETOR") }));
    expect(created.campaignStatus).toBe("PENDING");

    const mock = await createBrand(client, await approvedBundles(client), { brandType: "SOLE_PROPRIETOR", mock: true });
    await advance({ sid: mock.sid, outcome: "decide" });
    expect(sandbox.sandbox.store.get(mock.sid)!.fields).toMatchObject({
      status: "APPROVED",
      identity_status: "UNVERIFIED",
    });
    expect(sandbox.sandbox.store.get(mock.sid)!.fields.otp_sent_at ?? null).toBeNull();
    const other = await client.messaging.v1.services.create({ friendlyName: "svc 2" });
    expect(
      await codeOf(
        paced(() =>
          client.messaging.v1
            .services(other.sid)
            .usAppToPerson.create({ brandRegistrationSid: mock.sid, ...campaign("SOLE_PROPRIETOR") }),
        ),
      ),
    ).toBe(21717);
  });

  it("an update takes only Twilio's update parameters, and a replacement waits five seconds after the delete", async () => {
    const client = sandbox.client();
    const service = await client.messaging.v1.services.create({ friendlyName: "svc" });
    const brand = await createBrand(client, await approvedBundles(client));
    await advance({ sid: brand.sid, outcome: "APPROVED" });
    const usa2p = client.messaging.v1.services(service.sid).usAppToPerson;
    const created = await paced(() => usa2p.create({ brandRegistrationSid: brand.sid, ...campaign("MIXED") }));
    await advance({ sid: created.sid, outcome: "FAILED" });
    const update = {
      description: "Order and delivery updates for shoppers of Acme's online store.",
      messageFlow: "Customers opt in on our website's checkout form.",
      messageSamples: ["Your order #123 has shipped.", "Your appointment is tomorrow at 10am."],
      hasEmbeddedLinks: false,
      hasEmbeddedPhone: false,
      ageGated: false,
      directLending: false,
    };
    // The SDK sends only the update's own parameters; anything else is refused, as a raw request shows.
    const raw = await fetch(`${sandbox.url}/v1/Services/${service.sid}/Compliance/Usa2p/${created.sid}`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${DEFAULT_ACCOUNT_SID}:${DEFAULT_AUTH_TOKEN}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        Description: update.description,
        MessageFlow: update.messageFlow,
        MessageSamples: update.messageSamples[0]!,
        HasEmbeddedLinks: "false",
        HasEmbeddedPhone: "false",
        AgeGated: "false",
        DirectLending: "false",
        OptInMessage: "You are subscribed to Acme order updates. Reply STOP to stop.",
      }),
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ code: 20001, message: expect.stringMatching(/OptInMessage/) });
    expect((await paced(() => usa2p(created.sid).update(update))).campaignStatus).toBe("PENDING");

    // Deleted; a new one on the same service within five seconds is refused, after them taken.
    await advance({ sid: created.sid, outcome: "VERIFIED" });
    await paced(() => usa2p(created.sid).remove());
    expect(await codeOf(paced(() => usa2p.create({ brandRegistrationSid: brand.sid, ...campaign("MARKETING") })))).toBe(
      20001,
    );
    await new Promise((resolve) => setTimeout(resolve, 5000));
    expect(
      (await paced(() => usa2p.create({ brandRegistrationSid: brand.sid, ...campaign("MARKETING") }))).campaignStatus,
    ).toBe("PENDING");
  });

  it("vettings are PENDING, then SUCCESS or FAILED, with either provider", async () => {
    const client = sandbox.client();
    const brand = await createBrand(client, await approvedBundles(client));
    const vettings = client.messaging.v1.brandRegistrations(brand.sid).brandVettings;
    const good = await vettings.create({ vettingProvider: "aegis", vettingId: "aegis-123" });
    const bad = await vettings.create({ vettingProvider: "campaign-verify", vettingId: "cv|fail" });
    expect([good.vettingStatus, bad.vettingStatus]).toEqual(["PENDING", "PENDING"]);
    await advance({ seconds: 11 });
    expect((await vettings(good.brandVettingSid).fetch()).vettingStatus).toBe("SUCCESS");
    expect((await vettings(bad.brandVettingSid).fetch()).vettingStatus).toBe("FAILED");
  });

  it("a SHAKEN/STIR trust product takes only numbers already on its Secondary Customer Profile", async () => {
    const client = sandbox.client();
    const { profile } = await approvedBundles(client);
    const product = await client.trusthub.v1.trustProducts.create({
      friendlyName: "SHAKEN/STIR",
      email: "isv@example.com",
      policySid: "RN7a97559effdf62d00f4298208492a5ea",
    });
    await client.trusthub.v1
      .trustProducts(product.sid)
      .trustProductsEntityAssignments.create({ objectSid: profile.sid });
    const [number] = await client.incomingPhoneNumbers.list({ limit: 1 });
    const endpoints = client.trusthub.v1.trustProducts(product.sid).trustProductsChannelEndpointAssignment;
    const assign = () => endpoints.create({ channelEndpointType: "phone-number", channelEndpointSid: number!.sid });
    expect(await codeOf(assign())).toBe(20001);
    await client.trusthub.v1.customerProfiles(profile.sid).customerProfilesChannelEndpointAssignment.create({
      channelEndpointType: "phone-number",
      channelEndpointSid: number!.sid,
    });
    expect((await assign()).channelEndpointSid).toBe(number!.sid);
  });
});
