import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Twilio } from "twilio";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";
import { buildSecondaryProfile, buildTrustProduct } from "../support/sandbox-flows";

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

let lastBrandAt = 0;
/** Brands at Twilio's pace: one per second. */
async function createBrand(
  client: Twilio,
  bundles: { profile: { sid: string }; product: { sid: string } },
  options: Record<string, unknown> = {},
) {
  const wait = lastBrandAt + 1100 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  lastBrandAt = Date.now();
  return client.messaging.v1.brandRegistrations.create({
    customerProfileBundleSid: bundles.profile.sid,
    a2PProfileBundleSid: bundles.product.sid,
    ...options,
  });
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
    ).toBe(22222);
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
        .catch((e: { status: number }) => e.status),
    ).toBe(400);
    await advance({ seconds: 301 });
    const failed = await client.messaging.v1.brandRegistrations(brand.sid).fetch();
    expect(failed.status).toBe("FAILED");
    expect(failed.errors).toEqual([
      expect.objectContaining({ code: 30799, fields: expect.arrayContaining(["business_name"]) }),
    ]);
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await client.messaging.v1.brandRegistrations(brand.sid).update()).status).toBe("PENDING");
      await advance({ sid: brand.sid, outcome: "decide" });
      expect((await client.messaging.v1.brandRegistrations(brand.sid).fetch()).status).toBe("FAILED");
    }
    expect(
      await client.messaging.v1
        .brandRegistrations(brand.sid)
        .update()
        .catch((e: { code: number; message: string }) => e.message),
    ).toMatch(/resubmitted 3 times/);
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
    expect(await createBrand(client, { profile, product }).catch((e: { code: number }) => e.code)).toBe(21751); // drafts
    await client.trusthub.v1.customerProfiles(profile.sid).update({ status: "pending-review" });
    await client.trusthub.v1.trustProducts(product.sid).update({ status: "pending-review" });
    const brand = await createBrand(client, { profile, product });
    await advance({ sid: brand.sid, outcome: "decide" });
    expect((await client.messaging.v1.brandRegistrations(brand.sid).fetch()).status).toBe("PENDING");
    await advance({ sid: product.sid, outcome: "twilio-rejected" });
    await advance({ sid: brand.sid, outcome: "decide" });
    expect((await client.messaging.v1.brandRegistrations(brand.sid).fetch()).status).toBe("FAILED");
  });

  it("a sole-proprietor brand stays UNVERIFIED until its OTP is confirmed", async () => {
    const client = sandbox.client();
    const brand = await createBrand(client, await approvedBundles(client), { brandType: "SOLE_PROPRIETOR" });
    await advance({ seconds: 301 });
    expect(await client.messaging.v1.brandRegistrations(brand.sid).fetch()).toMatchObject({
      status: "PENDING",
      identityStatus: "UNVERIFIED",
    });
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
    description,
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
    expect(created).toMatchObject({ campaignStatus: "IN_PROGRESS" });
    expect(created.sid).toMatch(/^QE[0-9a-f]{32}$/);
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

  it("a campaign whose description contains 'Fail' FAILS; campaigns need an APPROVED brand", async () => {
    const client = sandbox.client();
    const service = await client.messaging.v1.services.create({ friendlyName: "svc" });
    const pending = await createBrand(client, await approvedBundles(client));
    expect(
      await client.messaging.v1
        .services(service.sid)
        .usAppToPerson.create({ brandRegistrationSid: pending.sid, ...campaign("x") })
        .catch((e: { code: number }) => e.code),
    ).toBe(21761);
    const brand = await approvedBrand(client);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const created = await client.messaging.v1
      .services(service.sid)
      .usAppToPerson.create({ brandRegistrationSid: brand.sid, ...campaign("This one should Fail review") });
    await advance({ sid: created.sid, outcome: "decide" });
    const failed = await client.messaging.v1.services(service.sid).usAppToPerson(created.sid).fetch();
    expect(failed.campaignStatus).toBe("FAILED");
    expect(failed.errors).toEqual([expect.objectContaining({ error_code: 30896 })]);
  });
});
