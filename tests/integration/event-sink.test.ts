import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import type { TestSandbox } from "../support/sandbox-harness";
import { startSandboxWithEventSink } from "../support/event-receiver";
import { configureIsv, submittedApplication, testDeps } from "../support/provisioning";

let sandbox: TestSandbox;
let stop: () => Promise<void>;
let POST: (request: Request, context: unknown) => Promise<Response>;
let token: string;

beforeAll(async () => {
  ({ POST } = (await import("@/app/api/twilio/events/route")) as unknown as { POST: typeof POST });
  token = (await import("@/lib/server/twilio/webhooks/event-sink")).eventSinkToken();
  ({ sandbox, close: stop } = await startSandboxWithEventSink());
  await configureIsv();
});
afterAll(() => stop());

describe("the Event Streams sink", () => {
  it("a brand event from the sandbox updates the brand's recorded status at once", async () => {
    const { approveApplication } = await import("@/lib/server/applications/approve-application");
    const { runProvisioning } = await import("@/lib/server/twilio/pipeline/run-provisioning");
    const { application, staff } = await submittedApplication("Eventful Inc.");
    await approveApplication(application.id, staff.id);
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    const brand = await db.twilioResource.findUniqueOrThrow({
      where: { applicationId_step: { applicationId: application.id, step: "brand" } },
    });
    await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "FAILED" });
    await sandbox.sandbox.settled();
    const updated = await db.twilioResource.findUniqueOrThrow({ where: { id: brand.id } });
    expect(updated.status).toBe("FAILED");
    expect((updated.details as { errors: { code: number }[] }).errors[0]!.code).toBe(30799);
  });

  it("refuses a call without the sink token", async () => {
    const response = await POST(
      new Request("http://portal.test/api/twilio/events?token=wrong", { method: "POST", body: "[]" }),
      {},
    );
    expect(response.status).toBe(403);
    expect(
      (
        await POST(
          new Request(`http://portal.test/api/twilio/events?token=${token}`, { method: "POST", body: "not json" }),
          {},
        )
      ).status,
    ).toBe(400);
  });

  it("an event moves only a resource of the account it names; older events and replays change nothing", async () => {
    const { application } = await submittedApplication("Other Account Inc.");
    const brand = await db.twilioResource.create({
      data: {
        applicationId: application.id,
        step: "brand",
        sid: "BN0123456789abcdef0123456789abcdef",
        accountSid: "AC11111111111111111111111111111111",
        status: "PENDING",
        statusUpdatedAt: new Date("2026-11-21T10:00:00Z"),
      },
    });
    const send = async (data: Record<string, unknown>) =>
      (await (
        await POST(
          new Request(`http://portal.test/api/twilio/events?token=${token}`, {
            method: "POST",
            body: JSON.stringify([{ type: "com.twilio.messaging.compliance.brand-registration.brand-failure", data }]),
          }),
          {},
        )
      ).json()) as { updated: number };
    const failure = { brandsid: brand.sid, brandstatus: "FAILED", updateddate: Date.parse("2026-11-21T11:00:00Z") };
    expect(await send({ ...failure, accountsid: "AC22222222222222222222222222222222" })).toEqual({ updated: 0 });
    expect(await send(failure)).toEqual({ updated: 0 });
    expect((await db.twilioResource.findUniqueOrThrow({ where: { id: brand.id } })).status).toBe("PENDING");

    const approved = {
      brandsid: brand.sid,
      accountsid: brand.accountSid,
      brandstatus: "APPROVED",
      updateddate: Date.parse("2026-11-21T12:00:00Z"),
    };
    expect(await send(approved)).toEqual({ updated: 1 });
    expect(await send(approved)).toEqual({ updated: 0 });
    expect(await send({ ...failure, accountsid: brand.accountSid })).toEqual({ updated: 0 });
    expect((await db.twilioResource.findUniqueOrThrow({ where: { id: brand.id } })).status).toBe("APPROVED");
  });
});
