import { describe, expect, it } from "vitest";

import { approveApplication } from "@/lib/server/applications/approve-application";
import { addSenderNumber, senderPool } from "@/lib/server/campaigns/sender-numbers";
import { db } from "@/lib/server/db";
import { assignNumber, unassignNumber } from "@/lib/server/numbers/assign-number";
import { buyNumber, searchNumbersToBuy } from "@/lib/server/numbers/buy-number";
import { NOT_YOUR_NUMBER } from "@/lib/server/numbers/number-ownership";
import { organizationNumbers } from "@/lib/server/numbers/organization-numbers";
import { setCustomerAccount } from "@/lib/server/organizations/customer-account";
import { runProvisioning } from "@/lib/server/provisioning/run-provisioning";
import { requestShakenStir } from "@/lib/server/voice/shaken-stir";
import { DEFAULT_ACCOUNT_SID } from "@/sandbox/defaults";

import { makeUser } from "../support/factories";
import { buyNumbersFor } from "../support/numbers";
import { recordedStep, submittedApplication, testDeps } from "../support/provisioning";
import type { TestSandbox } from "../support/sandbox-harness";
import { sandboxWithEventSinkForFile } from "../support/sandbox-suite";

/**
 * #26 line 1: a phone number belongs to one organization. Customers without a subaccount share the
 * ISV's account; each sees and takes only the numbers given to it (bought for it, or assigned by
 * staff), never another customer's nor the ISV's unassigned stock, whatever SID it sends.
 */
let sandbox: TestSandbox;
sandboxWithEventSinkForFile((started) => (sandbox = started));

async function provisioned(name: string) {
  const { application, staff } = await submittedApplication(name);
  await approveApplication(application.id, staff.id);
  expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
  return { application, staff };
}

const sidsOf = (numbers: { phoneNumberSid: string }[]) => numbers.map((number) => number.phoneNumberSid).sort();

describe("phone numbers belong to an organization", () => {
  it("staff search an area code, see the monthly price first, and buy a number that is the customer's at once", async () => {
    const { application, staff } = await submittedApplication("Buyer Co");
    const search = await searchNumbersToBuy(application.organizationId, "212");
    expect(search).toMatchObject({ ok: true, result: { areaCode: "212", monthlyPrice: "1.15 USD a month" } });
    const offers = search.ok ? search.result.offers : [];
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.every((offer) => offer.phoneNumber.startsWith("+1212"))).toBe(true);
    expect(offers[0]!.place).toBe("New York, NY");

    const bought = await buyNumber(application.organizationId, offers[0]!.phoneNumber, staff.id);
    expect(bought).toMatchObject({ ok: true, monthlyPrice: "1.15 USD a month" });
    const row = await db.phoneNumber.findUniqueOrThrow({
      where: { phoneNumberSid: bought.ok ? bought.phoneNumberSid : "" },
    });
    expect(row).toMatchObject({
      organizationId: application.organizationId,
      origin: "bought",
      accountSid: DEFAULT_ACCOUNT_SID,
    });
    expect(sidsOf((await organizationNumbers(application.organizationId)).numbers)).toEqual([row.phoneNumberSid]);
    // A second click on the same offer buys nothing more: Twilio no longer offers it (21422).
    expect(await buyNumber(application.organizationId, offers[0]!.phoneNumber, staff.id)).toMatchObject({
      ok: false,
      field: "phoneNumber",
    });
    expect(await db.phoneNumber.count({ where: { organizationId: application.organizationId } })).toBe(1);
    const search2 = await searchNumbersToBuy(application.organizationId, "212");
    expect(search2.ok && search2.result.offers.map((offer) => offer.phoneNumber)).not.toContain(offers[0]!.phoneNumber);
  });

  it("a customer sees only its own numbers; another customer's, and the ISV's stock, are neither listed nor taken", async () => {
    const a = await provisioned("Numbers A Co");
    const b = await provisioned("Numbers B Co");
    const [mine] = await buyNumbersFor(a.application.organizationId, a.staff.id, 1, "312");
    const [theirs] = await buyNumbersFor(b.application.organizationId, b.staff.id, 1, "312");

    const viewA = await organizationNumbers(a.application.organizationId, { withUnassigned: true });
    expect(sidsOf(viewA.numbers)).toEqual([mine!.sid]);
    // The ISV's own numbers (the sandbox gives every account three) are stock, offered to staff only.
    expect(viewA.unassigned.length).toBeGreaterThanOrEqual(3);
    expect(sidsOf(viewA.unassigned)).not.toContain(theirs!.sid);
    expect(sidsOf(viewA.unassigned)).not.toContain(mine!.sid);
    expect(sidsOf((await senderPool(a.application.id)).numbers)).toEqual([mine!.sid]);

    // Refused in the action, before Twilio is asked: the pool is unchanged.
    expect(await addSenderNumber(a.application.id, theirs!.sid, a.staff.id)).toEqual({
      ok: false,
      message: NOT_YOUR_NUMBER,
    });
    expect(await addSenderNumber(a.application.id, viewA.unassigned[0]!.phoneNumberSid, a.staff.id)).toEqual({
      ok: false,
      message: NOT_YOUR_NUMBER,
    });
    const service = await recordedStep(a.application.id, "messaging-service");
    expect(await sandbox.client().messaging.v1.services(service.sid).phoneNumbers.list()).toEqual([]);
    expect(await addSenderNumber(a.application.id, mine!.sid, a.staff.id)).toEqual({ ok: true });

    // SHAKEN/STIR takes only its own numbers too (checked before the profile's approval is).
    const profile = await recordedStep(a.application.id, "customer-profile");
    await sandbox.control("POST", "advance", { sid: profile.sid, outcome: "twilio-approved" });
    await db.twilioResource.update({ where: { id: profile.id }, data: { status: "twilio-approved" } });
    expect(await requestShakenStir(a.application.id, [mine!.sid, theirs!.sid], a.staff.id)).toEqual({
      ok: false,
      message: NOT_YOUR_NUMBER,
    });
    expect(await db.shakenStirNumber.count({ where: { applicationId: a.application.id } })).toBe(0);
  });

  it("staff assign a number of the ISV's account to one customer only, and take it back when nothing uses it", async () => {
    const a = await submittedApplication("Assign A Co");
    const b = await submittedApplication("Assign B Co");
    const stock = (await organizationNumbers(a.application.organizationId, { withUnassigned: true })).unassigned;
    const number = stock[0]!.phoneNumberSid;
    expect(await assignNumber(a.application.organizationId, number, a.staff.id)).toEqual({ ok: true });
    expect(await assignNumber(b.application.organizationId, number, b.staff.id)).toEqual({
      ok: false,
      message: "This number already belongs to another customer.",
    });
    // Two staff at once: one customer gets it.
    const other = stock[1]!.phoneNumberSid;
    const both = await Promise.all([
      assignNumber(a.application.organizationId, other, a.staff.id),
      assignNumber(b.application.organizationId, other, b.staff.id),
    ]);
    expect(both.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(sidsOf((await organizationNumbers(a.application.organizationId)).numbers)).toContain(number);
    expect(sidsOf((await organizationNumbers(b.application.organizationId)).numbers)).not.toContain(number);

    expect(await unassignNumber(a.application.organizationId, number, a.staff.id)).toEqual({ ok: true });
    expect(sidsOf((await organizationNumbers(a.application.organizationId)).numbers)).not.toContain(number);
    expect(await assignNumber(b.application.organizationId, number, b.staff.id)).toEqual({ ok: true });
  });

  it("a subaccount belongs to one organization: its numbers are that customer's, and no second customer may take it", async () => {
    const { user: admin } = await makeUser({ role: "ADMIN" });
    const first = await submittedApplication("Sub One Co");
    const second = await submittedApplication("Sub Two Co");
    const created = await setCustomerAccount(
      { organizationId: first.application.organizationId, mode: "create" },
      admin.id,
    );
    expect(created).toMatchObject({ ok: true });
    const accountSid = created.ok ? created.accountSid! : "";
    expect(
      await setCustomerAccount(
        { organizationId: second.application.organizationId, mode: "existing", accountSid },
        admin.id,
      ),
    ).toMatchObject({
      ok: false,
      field: "accountSid",
      message: expect.stringMatching(/already belongs to Sub One Co/),
    });
    // Every number of the subaccount is its organization's, without staff assigning it.
    const view = await organizationNumbers(first.application.organizationId, { withUnassigned: true });
    expect(view.subaccount).toBe(true);
    expect(view.numbers).toHaveLength(3);
    expect(view.unassigned).toEqual([]);
    expect(
      await assignNumber(first.application.organizationId, view.numbers[0]!.phoneNumberSid, first.staff.id),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/own subaccount/) });
  });

  it("a customer's views cannot keep the ISV's account busy: number lists are cached, SHAKEN/STIR looks nothing up per number", async () => {
    const { application, staff } = await provisioned("Busy Views Co");
    const bought = await buyNumbersFor(application.organizationId, staff.id, 3, "512");
    const lists = () =>
      sandbox.requests.filter(
        (request) => request.method === "GET" && request.path.endsWith("/IncomingPhoneNumbers.json"),
      ).length;
    const perNumber = () =>
      sandbox.requests.filter((request) => request.method === "GET" && /IncomingPhoneNumbers\/PN/.test(request.path))
        .length;
    const poolLists = () =>
      sandbox.requests.filter(
        (request) => request.method === "GET" && /\/Services\/MG\w+\/PhoneNumbers$/.test(request.path),
      ).length;
    await senderPool(application.id);
    const before = [lists(), poolLists()];
    for (let view = 0; view < 10; view++) {
      await organizationNumbers(application.organizationId);
      await senderPool(application.id);
    }
    expect([lists(), poolLists()]).toEqual(before);
    // The portal's own change is seen at once.
    expect(await addSenderNumber(application.id, bought[0]!.sid, staff.id)).toEqual({ ok: true });
    expect((await senderPool(application.id)).numbers.find((n) => n.phoneNumberSid === bought[0]!.sid)?.inPool).toBe(
      true,
    );

    const profile = await recordedStep(application.id, "customer-profile");
    await sandbox.control("POST", "advance", { sid: profile.sid, outcome: "twilio-approved" });
    await db.twilioResource.update({ where: { id: profile.id }, data: { status: "twilio-approved" } });
    const fetchesBefore = perNumber();
    const listsBefore = lists();
    const sids = bought.map((number) => number.sid);
    expect(await requestShakenStir(application.id, sids, staff.id)).toEqual({ ok: true });
    expect(perNumber()).toBe(fetchesBefore);
    expect(lists() - listsBefore).toBeLessThanOrEqual(1);
    // Asked again while the voice phase is on its way: nothing new, no Twilio call at all.
    const callsBefore = sandbox.requests.length;
    expect(await requestShakenStir(application.id, sids, staff.id)).toEqual({ ok: true });
    expect(sandbox.requests.length).toBe(callsBefore);
  });
});
