import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseApplication } from "@/lib/onboarding/schema/application";
import { continueAdoptionScans, startAdoptionScan, type AdoptionHandles } from "@/lib/server/adoption/adoption-run";
import { adoptionCustomers, adoptionRunStatus, type AdoptionCustomerView } from "@/lib/server/adoption/adoption-status";
import { confirmAdoption, continueAdoptions } from "@/lib/server/adoption/bring-in";
import { scanTwilioAccounts, type AdoptionScan } from "@/lib/server/adoption/scan";
import { readStoredDraft } from "@/lib/server/applications/stored-draft";
import { db } from "@/lib/server/db";
import { runProvisioning } from "@/lib/server/provisioning/run-provisioning";
import { readOnlyTwilioAccount } from "@/lib/server/twilio/read-only-client";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";
import { seedExistingIsv, type SeededCustomer } from "@/sandbox/seeds/existing-isv";

import { makeOrganization, makeUser } from "../support/factories";
import { configureIsv, testDeps } from "../support/provisioning";
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

const bySid = <T extends { customerProfile: { sid: string } }>(list: T[]) =>
  [...list].sort((a, b) => a.customerProfile.sid.localeCompare(b.customerProfile.sid));
/** A candidate's view as the scan proposed it, without what staff decided since. */
const asProposed = (customer: AdoptionCustomerView) => {
  const view: Partial<AdoptionCustomerView> = { ...customer };
  for (const key of ["id", "state", "decision", "organizationId", "error"] as const) delete view[key];
  return view;
};

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
        phoneNumbers: built.phoneNumbers.map((phoneNumber) => ({ sid: expect.stringMatching(/^PN/), phoneNumber })),
      });
      expect(found!.personal.endUsers.map((user) => user.type).sort()).toEqual([
        "authorized_representative_1",
        "customer_profile_business_information",
        "us_a2p_messaging_profile_information",
      ]);
      expect(found!.personal.address).toMatchObject({ street: `${100 + built.index} Market Street`, isoCountry: "US" });
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
    // The page's view carries no personal data: the end users and address stay encrypted in the candidate.
    const expected = bySid(first.customers).map((customer) => {
      const view: Partial<typeof customer> = { ...customer };
      delete view.personal;
      return view;
    });
    expect(bySid(proposed).map(asProposed)).toEqual(expected);
    expect(proposed.every((customer) => customer.state === "PROPOSED")).toBe(true);

    // A second scan proposes the same customers and, like the first, changes nothing anywhere.
    const second = await startAdoptionScan(handles(), null);
    expect(second).not.toBe(runId);
    await continueAdoptionScans(handles());
    expect(bySid(await adoptionCustomers(second)).map(asProposed)).toEqual(expected);
    expect(await db.organization.count()).toBe(organizationsBefore);
    expect(sandbox.requests.slice(requestsAtStart).filter((request) => request.method !== "GET")).toEqual([]);
  });
});

describe("bringing the customers found in", () => {
  const readOnly = (): AdoptionHandles => ({
    isv: readOnlyTwilioAccount({ accountSid: DEFAULT_ACCOUNT_SID, authToken: DEFAULT_AUTH_TOKEN }, sandbox.url),
    accountFor: (credentials) => readOnlyTwilioAccount(credentials, sandbox.url),
  });
  const scanToProposal = async () => {
    const runId = await startAdoptionScan(readOnly(), null);
    await continueAdoptionScans(readOnly());
    expect((await adoptionRunStatus(runId))!.state).toBe("PROPOSED");
    return runId;
  };
  const ledgerOf = async (applicationId: string) =>
    Object.fromEntries((await db.twilioResource.findMany({ where: { applicationId } })).map((row) => [row.step, row]));

  it("brings each confirmed customer in as the sandbox built it, exactly once across two workers, with no writing call at Twilio", async () => {
    const { user: admin } = await makeUser({ role: "ADMIN" });
    const requestsAtStart = sandbox.requests.length;
    const runId = await scanToProposal();
    const candidates = await adoptionCustomers(runId);
    const leftOut = candidates.find((c) => c.customerProfile.sid === seeded[4]!.customerProfileSid)!;
    // Staff correct one proposal: customer 5 is an organization the portal already has under another name.
    const corrected = candidates.find((c) => c.customerProfile.sid === seeded[5]!.customerProfileSid)!;
    const { organization: target } = await makeOrganization("Renamed Since Co");
    const organizationsBefore = await db.organization.count();

    const confirmed = await confirmAdoption(runId, { [leftOut.id]: "leave" }, admin.id, { [corrected.id]: target.id });
    expect(confirmed).toEqual({ ok: true, confirmed: COUNT - 1, leftOut: 1, known: 0 });
    // Confirmed once: a second confirmation (a double click, a second admin) is refused.
    expect(await confirmAdoption(runId, {}, admin.id)).toMatchObject({ ok: false });

    const [a, b] = await Promise.all([continueAdoptions(readOnly()), continueAdoptions(readOnly())]);
    expect(a + b).toBe(COUNT - 1);
    const status = (await adoptionRunStatus(runId))!;
    expect(status).toMatchObject({ state: "ADOPTED", customersAdopted: COUNT - 1 });
    // Three customers went to existing organizations (matched by subaccount, by name, chosen by
    // staff); the rest are new.
    expect(await db.organization.count()).toBe(organizationsBefore + COUNT - 1 - 3);

    const outcome = new Map((await adoptionCustomers(runId)).map((c) => [c.customerProfile.sid, c]));
    expect(outcome.get(leftOut.customerProfile.sid)!.state).toBe("LEFT_OUT");
    expect(outcome.get(corrected.customerProfile.sid)).toMatchObject({
      state: "ADOPTED",
      organizationId: target.id,
      match: { by: "staff" },
    });
    for (const built of seeded.filter((c) => c.index !== 4)) {
      const candidate = outcome.get(built.customerProfileSid)!;
      expect(candidate.state, `customer ${built.index}`).toBe("ADOPTED");
      const organization = await db.organization.findUniqueOrThrow({
        where: { id: candidate.organizationId! },
        include: { applications: { include: { campaign: true } } },
      });
      expect(organization.applications).toHaveLength(1);
      const application = organization.applications[0]!;
      // Without a brand at Twilio, registering one (a fee) waits for staff's review and approval.
      expect(application).toMatchObject({ status: built.brandSid ? "APPROVED" : "SUBMITTED" });
      if (built.accountSid !== DEFAULT_ACCOUNT_SID) {
        expect(organization.twilioAccountSid).toBe(built.accountSid);
        expect(organization.twilioAuthTokenEncrypted).toBeTruthy();
      } else expect(organization.twilioAccountSid).toBeNull();

      // The draft is what Twilio holds, decrypted only here, and complete wherever Twilio holds a brand.
      const draft = readStoredDraft(application.draft, application.id);
      expect(draft.business).toMatchObject({
        businessName: built.businessName,
        registrationNumber: built.registrationNumber.replace("-", ""),
      });
      expect(draft.address).toMatchObject({ street: `${100 + built.index} Market Street`, city: "Springfield" });
      expect(parseApplication(draft).success, `draft of customer ${built.index}`).toBe(built.shape !== "bundles-only");

      const ledger = await ledgerOf(application.id);
      expect(ledger["customer-profile"]).toMatchObject({ sid: built.customerProfileSid, status: "twilio-approved" });
      expect(ledger["trust-product"]).toMatchObject({ sid: built.trustProductSid, status: "twilio-approved" });
      for (const step of [
        "business-information",
        "representative-1",
        "address",
        "address-document",
        "messaging-profile",
        "assign:customer-profile:business-information",
        "assign:customer-profile:representative-1",
        "assign:customer-profile:address-document",
        "assign:customer-profile:primary-customer-profile",
        "assign:trust-product:messaging-profile",
        "assign:trust-product:customer-profile",
      ])
        expect(ledger[step], `${step} of customer ${built.index}`).toBeDefined();
      expect(ledger.brand?.sid ?? null).toBe(built.brandSid);
      expect(ledger["messaging-service"]?.sid ?? null).toBe(built.serviceSid);
      expect(ledger.campaign?.sid ?? null).toBe(built.campaignSid);
      expect(application.campaign?.status ?? null).toBe(built.campaignSid ? "APPROVED" : null);
      const senders = await db.senderNumber.findMany({ where: { applicationId: application.id } });
      expect(senders.map((number) => number.phoneNumber)).toEqual(built.phoneNumbers);

      // The dashboard shows it where Twilio has it: a failed brand as failed, a verified campaign as verified.
      const row = await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } });
      expect(row.brandStatus, `brand of customer ${built.index}`).toBe(
        built.brandSid ? (built.shape === "failed-brand" ? "FAILED" : "APPROVED") : null,
      );
      expect(row.campaignStatus).toBe(built.campaignSid ? "VERIFIED" : null);
      expect(await db.provisioningJob.findUnique({ where: { applicationId: application.id } })).toEqual(
        built.brandSid ? expect.objectContaining({ state: "DONE" }) : null,
      );
      expect(row.stage).toBe(
        built.campaignSid
          ? "campaign-verified"
          : built.shape === "failed-brand"
            ? "brand-failed"
            : built.brandSid
              ? "brand-approved"
              : "in-staff-review",
      );
    }
    expect(sandbox.requests.slice(requestsAtStart).filter((request) => request.method !== "GET")).toEqual([]);
  });

  it("a second scan finds every customer in the portal already, and bringing them in again changes nothing", async () => {
    const { user: admin } = await makeUser({ role: "ADMIN" });
    const runId = await scanToProposal();
    const candidates = await adoptionCustomers(runId);
    const inPortal = candidates.filter((c) => c.match?.by === "portal");
    expect(inPortal).toHaveLength(COUNT - 1);
    const leftOut = candidates.find((c) => c.match?.by !== "portal")!;
    expect(leftOut.customerProfile.sid).toBe(seeded[4]!.customerProfileSid);
    const counts = async () => ({
      organizations: await db.organization.count(),
      applications: await db.onboardingApplication.count(),
      ledger: await db.twilioResource.count(),
      updated: (await db.twilioResource.findMany({ select: { updatedAt: true } })).map((r) => r.updatedAt.getTime()),
    });
    const before = await counts();
    // Staff may even ask for the known ones as new: the ledger says they are in, so they stay as they are.
    const decisions = Object.fromEntries(candidates.map((c) => [c.id, c.id === leftOut.id ? "leave" : "new"] as const));
    expect(await confirmAdoption(runId, decisions, admin.id)).toEqual({
      ok: true,
      confirmed: 0,
      leftOut: 1,
      known: COUNT - 1,
    });
    expect(await continueAdoptions(readOnly())).toBe(0);
    expect(await counts()).toEqual(before);
    expect((await adoptionRunStatus(runId))!.state).toBe("ADOPTED");
  });

  it("a provisioning run on an adopted customer creates nothing at Twilio that the customer already has: no second brand, bundle or item", async () => {
    await configureIsv();
    const picks = [
      seeded.find((c) => c.shape === "campaign" && c.accountSid === DEFAULT_ACCOUNT_SID)!,
      seeded.find((c) => c.shape === "campaign" && c.accountSid !== DEFAULT_ACCOUNT_SID)!,
      seeded.find((c) => c.shape === "failed-brand")!,
    ];
    const requestsAtStart = sandbox.requests.length;
    for (const built of picks) {
      const resource = await db.twilioResource.findFirstOrThrow({
        where: { step: "customer-profile", sid: built.customerProfileSid },
      });
      await db.provisioningJob.update({
        where: { applicationId: resource.applicationId },
        data: { state: "QUEUED", phase: "registration" },
      });
      const outcome = await runProvisioning(resource.applicationId, testDeps(sandbox));
      expect(outcome, `customer ${built.index}`).toEqual({ state: "DONE" });
    }
    const creates = sandbox.requests
      .slice(requestsAtStart)
      .filter(
        (request) =>
          request.method === "POST" &&
          /\/(CustomerProfiles|TrustProducts|EndUsers|SupportingDocuments|EntityAssignments|BrandRegistrations|Services|Addresses\.json|Usa2p)$/.test(
            request.path.split("?")[0]!,
          ),
      );
    // Only what the customer lacks: the failed brand's customer had no Messaging Service, the
    // registration phase makes one (as for any customer the portal registers).
    expect(creates.map((request) => [request.accountSid, request.path])).toEqual(
      picks.filter((built) => !built.serviceSid).map((built) => [built.accountSid, "/v1/Services"]),
    );
  });
});

describe("an adopted customer without a brand", () => {
  it("waits for staff, who choose its brand type and approve: exactly one brand, on the bundles Twilio already had", async () => {
    const { editField } = await import("@/lib/server/applications/review");
    const { approveApplication } = await import("@/lib/server/applications/approve-application");
    const { user: staff } = await makeUser({ role: "STAFF" });
    const built = seeded.find((c) => c.shape === "bundles-only")!;
    const { applicationId } = await db.twilioResource.findFirstOrThrow({
      where: { step: "customer-profile", sid: built.customerProfileSid },
    });
    // The brand type (it decides the vetting fee) is not at Twilio yet: staff choose it in review.
    expect(await editField(applicationId, "company.brandType", "LOW_VOLUME_STANDARD", staff.id)).toEqual({ ok: true });
    expect((await approveApplication(applicationId, staff.id)).ok).toBe(true);
    const requestsAtStart = sandbox.requests.length;
    expect(await runProvisioning(applicationId, testDeps(sandbox))).toEqual({ state: "DONE" });
    const posts = sandbox.requests.slice(requestsAtStart).filter((request) => request.method === "POST");
    expect(posts.filter((request) => request.path === "/v1/a2p/BrandRegistrations")).toHaveLength(1);
    expect(
      posts.filter((request) =>
        /\/(CustomerProfiles|TrustProducts|EndUsers|SupportingDocuments|EntityAssignments|Addresses\.json)$/.test(
          request.path,
        ),
      ),
    ).toEqual([]);
    const brand = await db.twilioResource.findUniqueOrThrow({
      where: { applicationId_step: { applicationId, step: "brand" } },
    });
    const state = await sandbox.control("GET", "state");
    const atTwilio = state.body
      .accounts!.flatMap((account) => account.resources.BrandRegistrations ?? [])
      .find((resource) => resource.sid === brand.sid)!;
    expect(atTwilio).toMatchObject({
      customer_profile_bundle_sid: built.customerProfileSid,
      a2p_profile_bundle_sid: built.trustProductSid,
    });
  });
});
