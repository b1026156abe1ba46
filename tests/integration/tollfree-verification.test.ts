import { afterEach, describe, expect, it, vi } from "vitest";

import { db } from "@/lib/server/db";
import { drainJobs } from "@/lib/server/provisioning/worker";
import { sendDueReminders } from "@/lib/server/reminders/send-reminders";
import { syncTollfreeVerifications } from "@/lib/server/tollfree/tollfree-news";
import { tollfreePageData } from "@/lib/server/tollfree/tollfree-page";
import {
  openTollfreeVerification,
  saveTollfreeDraft,
  submitTollfree,
  tollfreeSnapshot,
} from "@/lib/server/tollfree/tollfree-registration";
import { approveTollfree } from "@/lib/server/tollfree/tollfree-review";
import type { TollfreeDraft } from "@/lib/tollfree/draft-values";
import { tollfreeLedgerDetails, tollfreeLedgerStep } from "@/lib/tollfree/ledger-details";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { signedEventsRequest } from "../support/event-receiver";
import { makeUser } from "../support/factories";
import { mailOutbox } from "../support/mail-outbox";
import { buyNumbersFor } from "../support/numbers";
import { submittedApplication, testDeps } from "../support/provisioning";
import type { TestSandbox } from "../support/sandbox-harness";
import { sandboxWithEventSinkForFile } from "../support/sandbox-suite";
import { startWorkerProcess } from "../support/worker-process";

/**
 * #29 lines 1 and 4: toll-free verification against the sandbox through the real SDK — the
 * customer's answers (prefilled from their onboarding), staff approval, exactly one verification
 * per number at Twilio (a lost answer adopted, a killed worker resumed), Twilio's decision read by
 * its event and the sync, a rejection's reasons next to the fields, the fix sent as an edit of the
 * same verification within Twilio's seven days and as a new one after them, and the edit-window
 * reminder sent once.
 */
let sandbox: TestSandbox;
sandboxWithEventSinkForFile((started) => (sandbox = started));

const ANSWERS: TollfreeDraft = {
  businessWebsite: "https://www.example.com",
  useCaseCategories: ["ACCOUNT_NOTIFICATIONS", "CUSTOMER_CARE"],
  useCaseSummary: "Appointment reminders and service updates for customers who opted in on our website.",
  productionMessageSample: "Acme: your appointment is tomorrow at 10am. Reply STOP to opt out.",
  messageVolume: "1,000",
  optInType: "WEB_FORM",
  optInImageUrls: "https://www.example.com/images/opt-in.png",
  businessContactPhone: "+14155550100",
};

/** A customer with a toll-free number bought through the portal, and its verification opened. */
async function customerWithTollfreeNumber(name: string, answers: TollfreeDraft = {}) {
  const { application, staff } = await submittedApplication(name);
  const { user: customer } = await makeUser({ role: "CUSTOMER", organizationId: application.organizationId });
  const [number] = await buyNumbersFor(application.organizationId, staff.id, 1, "", "toll-free");
  expect(number!.phoneNumber).toMatch(/^\+18/);
  const opened = (await openTollfreeVerification(application.id, number!.sid))!;
  // Prefilled from the onboarding: the business, its address and its representative.
  const draft = tollfreeSnapshot(opened).draft;
  expect(draft).toMatchObject({
    businessName: name,
    // Acme, the seeds' business, is a public company with an EIN.
    businessType: "PUBLIC_PROFIT",
    businessRegistrationAuthority: "EIN",
  });
  expect(draft.businessStreetAddress).toBeTruthy();
  expect(draft.businessContactEmail).toBeTruthy();
  // Personal data is kept encrypted, as the onboarding draft's (decision 0009).
  const stored = (await current(opened.id)).draft as Record<string, string>;
  expect(stored.businessContactEmail).toMatch(/^enc:/);
  expect(stored.businessRegistrationNumber).toMatch(/^enc:/);
  expect(JSON.stringify(stored)).not.toContain(draft.businessContactEmail as string);
  const saved = await saveTollfreeDraft(opened, {
    expectedVersion: opened.version,
    draft: { ...draft, ...ANSWERS, ...answers },
  });
  if (!saved.ok) throw new Error(`not saved: ${saved.reason}`);
  return { application, staff, customer, number: number!, verificationId: opened.id };
}

const current = (id: string) => db.tollfreeVerification.findUniqueOrThrow({ where: { id } });
const ledgerOf = (applicationId: string, id: string) =>
  db.twilioResource.findUnique({ where: { applicationId_step: { applicationId, step: tollfreeLedgerStep(id) } } });

async function sendAndApprove(id: string, customerId: string, staffId: string) {
  const submitted = await submitTollfree(await current(id), (await current(id)).version, customerId);
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  return approveTollfree(id, submitted.snapshot.version, staffId);
}

async function verificationsAtTwilio(phoneNumberSid: string) {
  const state = await sandbox.control("GET", "state");
  const account = state.body.accounts!.find((a) => a.sid === DEFAULT_ACCOUNT_SID)!;
  return (account.resources.TollfreeVerifications ?? []).filter((v) => v.tollfree_phone_number_sid === phoneNumberSid);
}

const settle = async () => {
  await sandbox.sandbox.settled();
};

describe("toll-free verification", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("happy path: one verification reaches Twilio though its answer is lost, approved by the sync", async () => {
    const { application, staff, customer, number, verificationId } =
      await customerWithTollfreeNumber("Tollfree Happy Co");
    // A customer's answers are checked by the shared schema before staff see them.
    const incomplete = await saveTollfreeDraft(await current(verificationId), {
      expectedVersion: (await current(verificationId)).version,
      draft: { ...tollfreeSnapshot(await current(verificationId)).draft, optInImageUrls: "" },
    });
    expect(incomplete.ok).toBe(true);
    const refused = await submitTollfree(
      await current(verificationId),
      (await current(verificationId)).version,
      customer.id,
    );
    expect(refused).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { optInImageUrls: [expect.any(String)] },
    });
    await saveTollfreeDraft(await current(verificationId), {
      expectedVersion: (await current(verificationId)).version,
      draft: { ...tollfreeSnapshot(await current(verificationId)).draft, ...ANSWERS },
    });

    expect(await sendAndApprove(verificationId, customer.id, staff.id)).toEqual({ ok: true, newSubmission: false });
    // Twilio creates it, but the answer never reaches the portal; the retry finds it by reference.
    await sandbox.control("POST", "faults", {
      method: "POST",
      path: "/v1/Tollfree/Verifications",
      status: "timeout-after",
      times: 1,
    });
    const ran = await drainJobs(testDeps(sandbox));
    expect(ran.find((run) => run.applicationId === application.id)?.outcome).toEqual({ state: "DONE" });
    const atTwilio = await verificationsAtTwilio(number.sid);
    expect(atTwilio).toHaveLength(1);
    expect(atTwilio[0]).toMatchObject({
      status: "PENDING_REVIEW",
      external_reference_id: `${verificationId}-1`,
      business_name: "Tollfree Happy Co",
      business_type: "PUBLIC_PROFIT",
      business_registration_authority: "EIN",
      opt_in_image_urls: ["https://www.example.com/images/opt-in.png"],
    });
    expect((await ledgerOf(application.id, verificationId))?.sid).toBe(atTwilio[0]!.sid);
    const log = (await sandbox.control("GET", "requests")).body.requests as { method: string; path: string }[];
    const creates = log.filter((r) => r.method === "POST" && r.path === "/v1/Tollfree/Verifications");
    expect(creates).toHaveLength(1);
    // The lost answer was looked for (by its reference) before anything was sent again.
    expect(log.some((r) => r.method === "GET" && r.path === "/v1/Tollfree/Verifications")).toBe(true);

    // Approving again (a double click) starts nothing new.
    expect(await approveTollfree(verificationId, (await current(verificationId)).version, staff.id)).toMatchObject({
      ok: false,
    });
    await drainJobs(testDeps(sandbox));
    expect(await verificationsAtTwilio(number.sid)).toHaveLength(1);

    sandbox.sandbox.advanceResource(sandbox.sandbox.store.get(String(atTwilio[0]!.sid))!, "TWILIO_APPROVED");
    expect((await syncTollfreeVerifications()).changed).toBeGreaterThanOrEqual(1);
    expect((await ledgerOf(application.id, verificationId))?.status).toBe("TWILIO_APPROVED");
    const outbox = mailOutbox();
    expect(
      outbox.all().some((mail) => mail.to === customer.email && /toll-free number is verified/.test(mail.subject)),
    ).toBe(true);
  }, 60_000);

  it("rejected: Twilio's reasons next to the fields, the fix sent as an edit of the same verification", async () => {
    const { application, staff, customer, number, verificationId } =
      await customerWithTollfreeNumber("Tollfree Reject Co");
    await sendAndApprove(verificationId, customer.id, staff.id);
    await drainJobs(testDeps(sandbox));
    const [sent] = await verificationsAtTwilio(number.sid);
    sandbox.sandbox.advanceResource(sandbox.sandbox.store.get(String(sent!.sid))!, "decide");
    await syncTollfreeVerifications();

    const rejected = await current(verificationId);
    expect(rejected.status).toBe("CHANGES_REQUESTED");
    const page = await tollfreePageData(rejected);
    expect(page.comments.businessName).toEqual([
      "Business name and official records do not match (Twilio error 30484).",
    ]);
    expect(page.twilio).toMatchObject({ status: "TWILIO_REJECTED", editAllowed: true, windowOpen: true });
    expect(page.twilio!.rejections[0]).toMatchObject({
      code: 30484,
      url: "https://www.twilio.com/docs/api/errors/30484",
    });

    // Reminders on a moving clock: the changes asked for, unanswered for the wait (72 hours), and
    // Twilio's window two days before it closes; each once across two engines; none once fixed.
    const closes = new Date(page.twilio!.editExpiration!);
    const rejectedAt = rejected.updatedAt;
    const hours = (n: number) => new Date(rejectedAt.getTime() + n * 3_600_000);
    expect(await sendDueReminders(hours(1))).toBe(0);
    const dueAt = new Date(closes.getTime() - 36 * 3_600_000);
    const [first, second] = await Promise.all([sendDueReminders(dueAt), sendDueReminders(dueAt)]);
    expect(first + second).toBe(2);
    expect(await sendDueReminders(new Date(dueAt.getTime() + 3_600_000))).toBe(0);
    const kinds = async () =>
      (await db.auditLog.findMany({ where: { action: "reminder.sent", targetId: verificationId } }))
        .map((entry) => (entry.metadata as { kind: string }).kind)
        .sort();
    expect(await kinds()).toEqual(["tollfree-changes-unanswered", "tollfree-edit-window"]);

    // The customer fixes the name; staff approve; the same verification is edited at Twilio.
    const draft = tollfreeSnapshot(rejected).draft;
    await saveTollfreeDraft(rejected, {
      expectedVersion: rejected.version,
      draft: { ...draft, businessName: "Tollfree Fixed Co" },
    });
    expect(await sendAndApprove(verificationId, customer.id, staff.id)).toEqual({ ok: true, newSubmission: false });
    // Sent again: no reminder of either kind any more, whenever the clock says.
    expect(await sendDueReminders(hours(24 * 20))).toBe(0);
    expect(await kinds()).toHaveLength(2);
    // Twilio takes the edit but its answer is lost: the retry finds it edited and adopts it.
    await sandbox.control("POST", "faults", {
      method: "POST",
      path: `/v1/Tollfree/Verifications/${sent!.sid}`,
      status: "timeout-after",
      times: 1,
    });
    const ran = await drainJobs(testDeps(sandbox));
    expect(ran.find((run) => run.applicationId === application.id)?.outcome).toEqual({ state: "DONE" });
    expect(tollfreeLedgerDetails((await ledgerOf(application.id, verificationId))?.details).sentVersion).toBe(
      (await current(verificationId)).approvedVersion,
    );
    const after = await verificationsAtTwilio(number.sid);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ sid: sent!.sid, business_name: "Tollfree Fixed Co", status: "PENDING_REVIEW" });
    // The edit's event ("Verification Edited") reached the portal's sink and was recorded.
    await settle();
    expect((await ledgerOf(application.id, verificationId))?.status).toBe("PENDING_REVIEW");
    const edits = (await sandbox.control("GET", "requests")).body.requests as { method: string; path: string }[];
    expect(
      edits.filter((r) => r.method === "POST" && r.path === `/v1/Tollfree/Verifications/${sent!.sid}`),
    ).toHaveLength(1);
  }, 60_000);

  it("an edit made outside the portal reaches it by Twilio's Verification Edited event", async () => {
    const { application, staff, customer, number, verificationId } =
      await customerWithTollfreeNumber("Tollfree Console Reject Co");
    await sendAndApprove(verificationId, customer.id, staff.id);
    await drainJobs(testDeps(sandbox));
    const [sent] = await verificationsAtTwilio(number.sid);
    sandbox.sandbox.advanceResource(sandbox.sandbox.store.get(String(sent!.sid))!, "decide");
    await syncTollfreeVerifications();
    expect((await ledgerOf(application.id, verificationId))?.status).toBe("TWILIO_REJECTED");
    // Someone fixes it in Twilio's Console: Twilio sends the event; no job or sync runs here.
    await sandbox.client().messaging.v1.tollfreeVerifications(String(sent!.sid)).update({ businessName: "Console Co" });
    await settle();
    for (
      const until = Date.now() + 5000;
      (await ledgerOf(application.id, verificationId))?.status !== "PENDING_REVIEW";
    ) {
      if (Date.now() > until) throw new Error("the edit event was not recorded");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const changes = await db.auditLog.findMany({
      where: { action: "tollfree.status_changed", targetId: verificationId },
    });
    expect(changes.map((entry) => (entry.metadata as { source: string; to: string }).source)).toContain("event");
  }, 60_000);

  it("Twilio's documented Verification Edited example, delivered to the portal's sink, is read and recorded", async () => {
    const { application, staff, customer, number, verificationId } = await customerWithTollfreeNumber(
      "Tollfree Documented Event Reject Co",
    );
    await sendAndApprove(verificationId, customer.id, staff.id);
    await drainJobs(testDeps(sandbox));
    const [sent] = await verificationsAtTwilio(number.sid);
    // Twilio decides; the portal has not looked yet.
    sandbox.sandbox.advanceResource(sandbox.sandbox.store.get(String(sent!.sid))!, "decide");
    expect((await ledgerOf(application.id, verificationId))?.status).toBe("PENDING_REVIEW");
    // The example of twilio.com/docs/events/event-types/toll-free/verification, as Twilio wraps it,
    // with only its identifiers made this customer's.
    const event = {
      specversion: "1.0",
      type: "com.twilio.messaging.compliance.toll-free-verification.edit",
      source: "AB00000000000000000000000001",
      id: "NO00000000000000000000000001",
      dataschema: "https://events-schemas.twilio.com/TollFree.VerificationEdit/2",
      datacontenttype: "application/json",
      time: "2025-10-08T07:17:02.363Z",
      data: {
        accountsid: DEFAULT_ACCOUNT_SID,
        parentaccountsid: DEFAULT_ACCOUNT_SID,
        tollfreeverificationsid: sent!.sid,
        phonenumbersid: number.sid,
        customerprofilesid: "BU0000000000000000000000000000001",
        regulateditemsid: "RA0000000000000000000000000000001",
        trustproductsid: "BU0000000000000000000000000000001",
        processeddate: 1756043494500,
        verificationstatus: "in_review",
      },
    };
    const { POST } = (await import("@/app/api/twilio/events/route")) as unknown as {
      POST: (request: Request, context: unknown) => Promise<Response>;
    };
    const publicBaseUrl = (await db.isvSettings.findUniqueOrThrow({ where: { id: 1 } })).publicBaseUrl!;
    const response = await POST(signedEventsRequest(publicBaseUrl, JSON.stringify([event]), DEFAULT_AUTH_TOKEN), {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ updated: 1, ignored: 0 });
    // The event names the verification; what Twilio holds (its decision and reasons) is fetched.
    expect((await ledgerOf(application.id, verificationId))?.status).toBe("TWILIO_REJECTED");
    expect((await current(verificationId)).status).toBe("CHANGES_REQUESTED");
    // Another account's signature on the same example changes nothing.
    const replay = await POST(signedEventsRequest(publicBaseUrl, JSON.stringify([event]), "not-the-token"), {});
    expect(replay.status).toBe(403);
  }, 60_000);

  it("after the window: a new verification, the customer told why it waits longer; never two at once", async () => {
    const { application, staff, customer, number, verificationId } =
      await customerWithTollfreeNumber("Tollfree Mismatch Late Co");
    await sendAndApprove(verificationId, customer.id, staff.id);
    await drainJobs(testDeps(sandbox));
    const [first] = await verificationsAtTwilio(number.sid);
    sandbox.sandbox.advanceResource(sandbox.sandbox.store.get(String(first!.sid))!, "decide");
    await syncTollfreeVerifications();
    // Eight days on, for the portal and the sandbox alike (one process, one clock): the window closed.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 8 * 24 * 3_600_000 });
    const rejected = await current(verificationId);
    expect((await tollfreePageData(rejected)).twilio).toMatchObject({ status: "TWILIO_REJECTED", windowOpen: false });
    await saveTollfreeDraft(rejected, {
      expectedVersion: rejected.version,
      draft: { ...tollfreeSnapshot(rejected).draft, businessName: "Tollfree Late Co" },
    });
    expect(await sendAndApprove(verificationId, customer.id, staff.id)).toEqual({ ok: true, newSubmission: true });
    const told = mailOutbox()
      .all()
      .filter((mail) => mail.to === customer.email && /new request/.test(mail.subject));
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toMatch(/standard queue/);
    await drainJobs(testDeps(sandbox));
    const now = await verificationsAtTwilio(number.sid);
    expect(now).toHaveLength(1);
    expect(now[0]!.sid).not.toBe(first!.sid);
    expect(now[0]).toMatchObject({ external_reference_id: `${verificationId}-2`, business_name: "Tollfree Late Co" });
    expect((await ledgerOf(application.id, verificationId))?.sid).toBe(now[0]!.sid);
    vi.useRealTimers();
  }, 60_000);

  it("a worker killed after sending the create: the next one adopts it, one verification", async () => {
    const { application, staff, customer, number, verificationId } =
      await customerWithTollfreeNumber("Tollfree Crash Co");
    await sendAndApprove(verificationId, customer.id, staff.id);
    // Twilio answers slowly: the worker is killed with its create sent and unanswered.
    await sandbox.control("POST", "latency", { ms: 3000 });
    await fetch(`${sandbox.url}/__sandbox/requests`, { method: "DELETE" });
    const worker = startWorkerProcess(sandbox.url);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const log = (await sandbox.control("GET", "requests")).body.requests as { method: string; path: string }[];
      if (log.some((r) => r.method === "POST" && r.path === "/v1/Tollfree/Verifications")) break;
      if (Date.now() > deadline) throw new Error(`the worker sent no create:\n${worker.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await worker.kill();
    await sandbox.control("POST", "latency", { ms: 0 });
    // Twilio carries out the create the dead worker sent (after its latency).
    for (const until = Date.now() + 10_000; (await verificationsAtTwilio(number.sid)).length === 0;) {
      if (Date.now() > until) throw new Error("the create never reached the sandbox");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await ledgerOf(application.id, verificationId)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const ran = await drainJobs(testDeps(sandbox));
    expect(ran.find((run) => run.applicationId === application.id)?.outcome).toEqual({ state: "DONE" });
    const atTwilio = await verificationsAtTwilio(number.sid);
    expect(atTwilio).toHaveLength(1);
    expect((await ledgerOf(application.id, verificationId))?.sid).toBe(atTwilio[0]!.sid);
  }, 90_000);

  it("another customer's number, or a local number, has no verification", async () => {
    const one = await customerWithTollfreeNumber("Tollfree Owner Co");
    const { application: other, staff } = await submittedApplication("Tollfree Other Co");
    expect(await openTollfreeVerification(other.id, one.number.sid)).toBeNull();
    const [local] = await buyNumbersFor(other.organizationId, staff.id, 1, "415");
    expect(await openTollfreeVerification(other.id, local!.sid)).toBeNull();
  }, 60_000);
});
