import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_ACCOUNT_SID } from "@/sandbox/defaults";

import { buildSecondaryProfile, buildTrustProduct } from "../support/sandbox-flows";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const gone = (promise: Promise<unknown>) =>
  promise.then(
    () => "still there",
    (e: { status: number }) => e.status,
  );

describe("create, fetch, list, update and delete where Twilio has them", () => {
  it("customer profiles: list filters, update, delete (with its assignments)", async () => {
    const client = sandbox.client();
    const profile = await buildSecondaryProfile(client, { business: { business_name: "Filter Co" } });
    expect(
      (await client.trusthub.v1.customerProfiles.list({ friendlyName: profile.friendlyName })).map((p) => p.sid),
    ).toEqual([profile.sid]);
    expect(
      (
        await client.trusthub.v1.customerProfiles.list({
          status: "draft",
          policySid: "RNdfbf3fae0e1107f8aded0e7cead80bf5",
        })
      ).map((p) => p.sid),
    ).toContain(profile.sid);
    expect(
      (await client.trusthub.v1.customerProfiles.list({ status: "twilio-approved" })).map((p) => p.sid),
    ).not.toContain(profile.sid);
    const updated = await client.trusthub.v1
      .customerProfiles(profile.sid)
      .update({ friendlyName: "Renamed", email: "new@isv.example" });
    expect(updated).toMatchObject({ friendlyName: "Renamed", email: "new@isv.example" });

    const assignments = client.trusthub.v1.customerProfiles(profile.sid).customerProfilesEntityAssignments;
    const listed = await assignments.list();
    expect(listed).toHaveLength(4);
    expect((await assignments(listed[0]!.sid).fetch()).objectSid).toBe(listed[0]!.objectSid);
    await assignments(listed[0]!.sid).remove();
    expect(await assignments.list()).toHaveLength(3);

    const [number] = await client.incomingPhoneNumbers.list({ limit: 1 });
    const endpoints = client.trusthub.v1.customerProfiles(profile.sid).customerProfilesChannelEndpointAssignment;
    const endpoint = await endpoints.create({ channelEndpointType: "phone-number", channelEndpointSid: number!.sid });
    expect(endpoint.sid).toMatch(/^RA[0-9a-f]{32}$/);
    expect((await endpoints.list({ channelEndpointSid: number!.sid })).map((e) => e.sid)).toEqual([endpoint.sid]);
    expect((await endpoints(endpoint.sid).fetch()).channelEndpointSid).toBe(number!.sid);
    await endpoints(endpoint.sid).remove();
    expect(await endpoints.list()).toEqual([]);

    await client.trusthub.v1.customerProfiles(profile.sid).remove();
    expect(await gone(client.trusthub.v1.customerProfiles(profile.sid).fetch())).toBe(404);
  });

  it("trust products: fetch, list, update, delete", async () => {
    const client = sandbox.client();
    const profile = await buildSecondaryProfile(client);
    const product = await buildTrustProduct(client, profile.sid);
    expect((await client.trusthub.v1.trustProducts(product.sid).fetch()).policySid).toBe(
      "RNb0d4771c2c98518d916a3d4cd70a8f8b",
    );
    expect((await client.trusthub.v1.trustProducts.list()).map((p) => p.sid)).toContain(product.sid);
    expect((await client.trusthub.v1.trustProducts(product.sid).update({ friendlyName: "A2P v2" })).friendlyName).toBe(
      "A2P v2",
    );
    expect(await client.trusthub.v1.trustProducts(product.sid).trustProductsEntityAssignments.list()).toHaveLength(2);
    await client.trusthub.v1.trustProducts(product.sid).remove();
    expect(await gone(client.trusthub.v1.trustProducts(product.sid).fetch())).toBe(404);
  });

  it("end users and supporting documents: update and delete", async () => {
    const client = sandbox.client();
    const user = await client.trusthub.v1.endUsers.create({
      friendlyName: "rep",
      type: "authorized_representative_2",
      attributes: { first_name: "Sam" },
    });
    expect(
      (await client.trusthub.v1.endUsers(user.sid).update({ attributes: { first_name: "Samantha" } })).attributes,
    ).toEqual({ first_name: "Samantha" });
    await client.trusthub.v1.endUsers(user.sid).remove();
    expect(await gone(client.trusthub.v1.endUsers(user.sid).fetch())).toBe(404);

    const address = await client.addresses.create({
      customerName: "x",
      street: "1 Main",
      city: "c",
      region: "r",
      postalCode: "1",
      isoCountry: "US",
    });
    const document = await client.trusthub.v1.supportingDocuments.create({
      friendlyName: "addr",
      type: "customer_profile_address",
      attributes: { address_sids: address.sid },
    });
    expect(document.sid).toMatch(/^RD[0-9a-f]{32}$/);
    expect(
      (await client.trusthub.v1.supportingDocuments(document.sid).update({ friendlyName: "address doc" })).friendlyName,
    ).toBe("address doc");
    expect((await client.trusthub.v1.supportingDocuments.list()).map((d) => d.sid)).toContain(document.sid);
    await client.trusthub.v1.supportingDocuments(document.sid).remove();
    expect(await gone(client.trusthub.v1.supportingDocuments(document.sid).fetch())).toBe(404);
  });

  it("accounts and addresses: fetch and list", async () => {
    const client = sandbox.client();
    const sub = await client.api.v2010.accounts.create({ friendlyName: "Listed sub" });
    expect((await client.api.v2010.accounts(sub.sid).fetch()).friendlyName).toBe("Listed sub");
    expect((await client.api.v2010.accounts.list({ friendlyName: "Listed sub" })).map((a) => a.sid)).toEqual([sub.sid]);
    expect((await client.api.v2010.accounts(DEFAULT_ACCOUNT_SID).fetch()).status).toBe("active");
    const address = await client.addresses.create({
      customerName: "Lister",
      street: "1 Main",
      city: "c",
      region: "r",
      postalCode: "1",
      isoCountry: "US",
    });
    expect((await client.addresses(address.sid).fetch()).customerName).toBe("Lister");
    expect((await client.addresses.list({ customerName: "Lister" })).map((a) => a.sid)).toEqual([address.sid]);
    const [number] = await client.incomingPhoneNumbers.list({ limit: 1 });
    expect((await client.incomingPhoneNumbers(number!.sid).fetch()).phoneNumber).toBe(number!.phoneNumber);
  });
});
