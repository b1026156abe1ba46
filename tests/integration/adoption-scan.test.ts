import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { continueAdoptionScans, startAdoptionScan, type AdoptionHandles } from "@/lib/server/adoption/adoption-run";
import { adoptionCustomers, adoptionRunStatus } from "@/lib/server/adoption/adoption-status";
import { scanTwilioAccounts, type AdoptionScan } from "@/lib/server/adoption/scan";
import { db } from "@/lib/server/db";
import { readOnlyTwilioAccount } from "@/lib/server/twilio/read-only-client";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";
import { seedExistingIsv, type SeededCustomer } from "@/sandbox/seeds/existing-isv";

import { makeOrganization } from "../support/factories";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";

/**
 * #28 line 1, the adoption scan's reading half: an ISV that registered customers before the portal
 * (the sandbox's existing-ISV state, mixed shapes across subaccounts) is read whole through a
 * read-only client, every customer grouped as the sandbox built it and matched to the organizations
 * the portal already has; the scan makes no writing call and a second one answers the same.
 */
const COUNT = 20;
let sandbox: TestSandbox;
let seeded: SeededCustomer[];
let first: AdoptionScan;
let requestsBefore: number;

const scan = () =>
  scanTwilioAccounts(
    readOnlyTwilioAccount({ accountSid: DEFAULT_ACCOUNT_SID, authToken: DEFAULT_AUTH_TOKEN }, sandbox.url),
    (credentials) => readOnlyTwilioAccount(credentials, sandbox.url),
  );

beforeAll(async () => {
  sandbox = await startTestSandbox();
  seeded = await seedExistingIsv(sandbox.url, { count: COUNT });
  await sandbox.sandbox.settled();
  // Two customers the portal already knows: one by its subaccount, one by its name.
  const bySubaccount = seeded.find((c) => c.index === 2)!;
  const { organization } = await makeOrganization("Known By Subaccount");
  await db.organization.update({ where: { id: organization.id }, data: { twilioAccountSid: bySubaccount.accountSid } });
  await makeOrganization(seeded.find((c) => c.index === 7)!.businessName.toUpperCase());
  requestsBefore = sandbox.requests.length;
  first = await scan();
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
});

describe("the adoption scan", () => {
  it("groups every customer as the sandbox built it, across the ISV's account and its subaccounts", () => {
    expect(first.accounts).toBe(1 + seeded.filter((c) => c.accountSid !== DEFAULT_ACCOUNT_SID).length);
    expect(first.customers).toHaveLength(COUNT);
    for (const built of seeded) {
      const found = first.customers.find((c) => c.customerProfile.sid === built.customerProfileSid);
      expect(found, `customer ${built.index}`).toMatchObject({
        accountSid: built.accountSid,
        ownsAccount: built.accountSid !== DEFAULT_ACCOUNT_SID,
        name: built.businessName,
        registrationNumber: built.registrationNumber.replace("-", ""),
        customerProfile: { status: "twilio-approved" },
        trustProduct: { sid: built.trustProductSid, status: "twilio-approved" },
        brand: built.brandSid
          ? { sid: built.brandSid, status: built.shape === "failed-brand" ? "FAILED" : "APPROVED" }
          : null,
        campaign: built.campaignSid
          ? { sid: built.campaignSid, status: "VERIFIED", serviceSid: built.serviceSid }
          : null,
        services: built.serviceSid ? [expect.objectContaining({ sid: built.serviceSid })] : [],
        phoneNumbers: built.phoneNumbers,
      });
      expect(found!.endUsers.map((user) => user.type).sort()).toEqual([
        "authorized_representative_1",
        "customer_profile_business_information",
      ]);
    }
  });

  it("matches the organizations the portal already has, by subaccount and by name", () => {
    expect(first.customers.find((c) => c.accountSid === seeded[2]!.accountSid)!.match).toMatchObject({
      name: "Known By Subaccount",
      by: "subaccount",
    });
    expect(first.customers.find((c) => c.name === seeded[7]!.businessName)!.match).toMatchObject({ by: "name" });
    expect(first.customers.filter((c) => c.match)).toHaveLength(2);
  });

  it("makes no writing call, and a second scan answers the same", async () => {
    const again = await scan();
    expect(again).toEqual(first);
    const during = sandbox.requests.slice(requestsBefore);
    expect(during.length).toBeGreaterThan(COUNT * 4);
    expect(during.filter((request) => request.method !== "GET")).toEqual([]);
  });
});

describe("an adoption scan run in the background", () => {
  const handles = (failOnce?: string): AdoptionHandles => {
    let failed = false;
    return {
      isv: readOnlyTwilioAccount({ accountSid: DEFAULT_ACCOUNT_SID, authToken: DEFAULT_AUTH_TOKEN }, sandbox.url),
      accountFor: (credentials) => {
        if (credentials.accountSid === failOnce && !failed) {
          failed = true;
          throw new Error("the instance died reading this account");
        }
        return readOnlyTwilioAccount(credentials, sandbox.url);
      },
    };
  };

  it("reads account by account, resumes after a failure once its claim runs out, and proposes every customer once", async () => {
    const organizationsBefore = await db.organization.count();
    const requestsAtStart = sandbox.requests.length;
    const broken = seeded.find((c) => c.accountSid !== DEFAULT_ACCOUNT_SID)!.accountSid;
    const runId = await startAdoptionScan(handles(broken), null);
    expect(await startAdoptionScan(handles(), null)).toBe(runId);
    const failing = handles(broken);
    await continueAdoptionScans(failing);
    const stopped = (await adoptionRunStatus(runId))!;
    expect(stopped.state).toBe("SCANNING");
    expect(stopped.accountErrors).toEqual([{ accountSid: broken, error: expect.stringContaining("died") }]);

    await continueAdoptionScans(failing, () => new Date(Date.now() + 6 * 60_000));
    const done = (await adoptionRunStatus(runId))!;
    expect(done).toMatchObject({ state: "PROPOSED", accountsRead: first.accounts, accountsTotal: first.accounts });
    expect(done.customersFound).toBe(COUNT);
    const proposed = await adoptionCustomers(runId);
    const bySid = <T extends { customerProfile: { sid: string } }>(list: T[]) =>
      [...list].sort((a, b) => a.customerProfile.sid.localeCompare(b.customerProfile.sid));
    // The page's view carries no personal data: the end users stay encrypted in the candidate.
    const expected = bySid(first.customers).map((customer) => {
      const view: Partial<typeof customer> = { ...customer };
      delete view.endUsers;
      return view;
    });
    expect(bySid(proposed)).toEqual(expected);

    // A second scan proposes the same customers and, like the first, changes nothing anywhere.
    const second = await startAdoptionScan(handles(), null);
    expect(second).not.toBe(runId);
    await continueAdoptionScans(handles());
    expect(bySid(await adoptionCustomers(second))).toEqual(expected);
    expect(await db.organization.count()).toBe(organizationsBefore);
    expect(sandbox.requests.slice(requestsAtStart).filter((request) => request.method !== "GET")).toEqual([]);
  });
});
