import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApiKey } from "@/lib/server/api-keys/api-keys";
import { db } from "@/lib/server/db";
import { WEBHOOK_EVENT_TYPE_NAMES } from "@/lib/webhooks/event-types";

import { ACME } from "../support/acme";
import { makeUser } from "../support/factories";
import { testDeps } from "../support/provisioning";
import type { TestSandbox } from "../support/sandbox-harness";
import { sandboxWithEventSinkForFile } from "../support/sandbox-suite";

/**
 * #28 lines 4 and 6: 200 customers created through the ISV API go through review and provisioning against the
 * sandbox, and the ISV's endpoint (a real HTTP server here) receives every event signed per
 * Standard Webhooks (verified with the maintained library), at least once, in order per customer,
 * retried with backoff, sent again on request, and signed by both secrets during a rotation.
 */
let sandbox: TestSandbox;
// Twilio moves only on the test's `advance`.
const AN_HOUR = 3600;
sandboxWithEventSinkForFile((started) => (sandbox = started), {
  delays: { reviewSeconds: AN_HOUR, approvalSeconds: AN_HOUR, brandSeconds: AN_HOUR, campaignSeconds: AN_HOUR },
});

type Received = { id: string; timestamp: string; signature: string; body: string; type: string; customerId: string };

/** The ISV's endpoint: keeps every request; answers `failFirst` ids with 500 the first time. */
function startReceiver() {
  const received: Received[] = [];
  const failFirst = new Set<string>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const parsed = JSON.parse(body) as { type: string; data: { customer: { id: string } } };
      const entry: Received = {
        id: String(request.headers["webhook-id"]),
        timestamp: String(request.headers["webhook-timestamp"]),
        signature: String(request.headers["webhook-signature"]),
        body,
        type: parsed.type,
        customerId: parsed.data.customer.id,
      };
      received.push(entry);
      if (failFirst.delete(entry.customerId)) {
        response.writeHead(500, { "content-type": "text/plain" }).end("receiver down for maintenance");
        return;
      }
      response.writeHead(204).end();
    });
  });
  return { server, received, failFirst };
}

const receiver = startReceiver();
let url: string;
let secret: string;
let apiKey: string;
let admin: { id: string };
let staff: { id: string };
const verify = (entry: Received, withSecret: string) =>
  new Webhook(withSecret).verify(entry.body, {
    "webhook-id": entry.id,
    "webhook-timestamp": entry.timestamp,
    "webhook-signature": entry.signature,
  });

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hooks/portal`;
  ({ user: admin } = await makeUser({ role: "ADMIN" }));
  ({ user: staff } = await makeUser({ role: "STAFF" }));
  const { createWebhookEndpoint } = await import("@/lib/server/webhooks/endpoints");
  ({ secret } = await createWebhookEndpoint(
    { url, description: "Our product", eventTypes: [...WEBHOOK_EVENT_TYPE_NAMES] },
    admin.id,
  ));
  apiKey = (await createApiKey({ name: "Product", scope: "read_write" }, admin.id)).key;
});

afterAll(() => new Promise<void>((resolve) => receiver.server.close(() => resolve())));

// #28 line 6: 200 customers, each in a subaccount of its own (the portal's "new subaccount" for a
// customer), so that Twilio's one brand a second per account paces each alone and they run side by side.
const CUSTOMERS = 200;
const AT_ONCE = 8;

describe("webhooks to the ISV's endpoint", () => {
  it("200 customers made through the API, reviewed and provisioned: every event signed, in order per customer", async () => {
    const { POST } = (await import("@/app/api/v1/customers/route")) as unknown as {
      POST: (request: Request, context: { params: Promise<object> }) => Promise<Response>;
    };
    const { submitApplication } = await import("@/lib/server/applications/application-draft");
    const { approveApplication } = await import("@/lib/server/applications/approve-application");
    const { runProvisioning } = await import("@/lib/server/provisioning/run-provisioning");
    const { deliverDueWebhooks } = await import("@/lib/server/webhooks/deliver");
    const { setCustomerAccount } = await import("@/lib/server/organizations/customer-account");

    const ids: string[] = [];
    for (let index = 0; index < CUSTOMERS; index++) {
      const name = `Hooked ${index} Co`;
      const response = await POST(
        new Request("http://portal.test/api/v1/customers", {
          method: "POST",
          headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
          body: JSON.stringify({
            name,
            externalId: `hooked-${index}`,
            firstUser: { email: `owner-${index}@hooked.example` },
            draft: {
              ...ACME,
              business: { ...ACME.business, businessName: name },
              address: { ...ACME.address, customerName: name },
            },
          }),
        }),
        { params: Promise.resolve({}) },
      );
      expect(response.status).toBe(201);
      ids.push(((await response.json()) as { customer: { id: string } }).customer.id);
    }
    // One customer's endpoint is down at first: its events wait, the others' do not.
    receiver.failFirst.add(ids[0]!);
    const provision = async (organizationId: string) => {
      expect(await setCustomerAccount({ organizationId, mode: "create" }, admin.id)).toMatchObject({ ok: true });
      const application = await db.onboardingApplication.findFirstOrThrow({ where: { organizationId } });
      const { user: owner } = await makeUser({ role: "CUSTOMER", organizationId });
      expect((await submitApplication(application, application.version, owner.id)).ok).toBe(true);
      expect((await approveApplication(application.id, staff.id)).ok).toBe(true);
      expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
      for (const step of ["customer-profile", "trust-product"]) {
        const { sid } = await db.twilioResource.findUniqueOrThrow({
          where: { applicationId_step: { applicationId: application.id, step } },
        });
        await sandbox.control("POST", "advance", { sid, outcome: "twilio-approved" });
      }
      const brand = await db.twilioResource.findUniqueOrThrow({
        where: { applicationId_step: { applicationId: application.id, step: "brand" } },
      });
      // TCR decides: the brand's events reach the portal's sink, which records the brand as ready.
      await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "decide" });
    };
    // AT_ONCE customers at a time, as the job engine's workers would take them.
    const queue = [...ids];
    await Promise.all(
      Array.from({ length: AT_ONCE }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await provision(next);
      }),
    );
    await sandbox.sandbox.settled();
    expect(
      new Set((await db.organization.findMany({ where: { id: { in: ids } } })).map((o) => o.twilioAccountSid)).size,
    ).toBe(CUSTOMERS);

    // A clock the test moves: the failed first try backs off 5 s, then goes.
    let clock = Date.now();
    const now = () => new Date(clock);
    await deliverDueWebhooks({ now });
    expect(receiver.received.filter((entry) => entry.customerId === ids[0])).toHaveLength(1);
    const waiting = await db.webhookDelivery.findMany({ where: { organizationId: ids[0], state: "PENDING" } });
    expect(waiting.length).toBeGreaterThan(1);
    const firstTry = await db.webhookAttempt.findFirstOrThrow({ where: { status: 500 } });
    expect(firstTry.responseBody).toBe("receiver down for maintenance");
    clock += 6_000;
    await deliverDueWebhooks({ now });
    expect(await db.webhookDelivery.count({ where: { state: { not: "DELIVERED" } } })).toBe(0);

    for (const entry of receiver.received) expect(() => verify(entry, secret)).not.toThrow();
    // Tampered, the same message does not verify.
    const sample = receiver.received[0]!;
    expect(() => verify({ ...sample, body: sample.body.replace("Hooked", "Hacked") }, secret)).toThrow();

    const expected = ["application.submitted", "application.approved", "brand.approved", "customer.action_needed"];
    for (const organizationId of ids) {
      const events = await db.webhookEvent.findMany({
        where: { organizationId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      expect(events.map((event) => event.type)).toEqual(expected);
      // Delivered in the order the events happened (the first customer's first event twice: its retry).
      const arrived = receiver.received.filter((entry) => entry.customerId === organizationId).map((entry) => entry.id);
      const distinct = arrived.filter((id, index) => arrived.indexOf(id) === index);
      expect(distinct).toEqual(events.map((event) => event.id));
      expect(arrived.length).toBe(organizationId === ids[0] ? expected.length + 1 : expected.length);
    }
    const approved = JSON.parse(
      receiver.received.find((entry) => entry.type === "brand.approved" && entry.customerId === ids[1])!.body,
    ) as {
      type: string;
      timestamp: string;
      data: { customer: { externalId: string; application: { stage: string } } };
    };
    expect(approved.data.customer).toMatchObject({ externalId: "hooked-1", application: { stage: "brand-approved" } });
    expect(approved.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  }, 300_000);

  it("two senders at once send each delivery once; 'send again' sends it with the same id", async () => {
    const { emitWebhookEvent } = await import("@/lib/server/webhooks/emit-event");
    const { deliverDueWebhooks, sendDeliveryAgain } = await import("@/lib/server/webhooks/deliver");
    const organization = await db.organization.findFirstOrThrow({ where: { externalId: "hooked-2" } });
    const before = receiver.received.length;
    const id = await emitWebhookEvent("customer.action_needed", organization.id, { message: { subject: "Test" } });
    expect(id).toMatch(/^msg_/);
    await Promise.all([deliverDueWebhooks(), deliverDueWebhooks()]);
    expect(receiver.received.slice(before).map((entry) => entry.id)).toEqual([id]);

    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { eventId: id! } });
    expect(await sendDeliveryAgain(delivery.id, admin.id)).toBe(true);
    expect(await sendDeliveryAgain(delivery.id, admin.id)).toBe(false);
    await deliverDueWebhooks();
    expect(receiver.received.slice(before).map((entry) => entry.id)).toEqual([id, id]);
    expect(await db.webhookAttempt.count({ where: { deliveryId: delivery.id } })).toBe(2);
  });

  it("during a secret's rotation each message carries both signatures; each secret verifies it", async () => {
    const { rotateWebhookSecret } = await import("@/lib/server/webhooks/endpoints");
    const { emitWebhookEvent } = await import("@/lib/server/webhooks/emit-event");
    const { deliverDueWebhooks } = await import("@/lib/server/webhooks/deliver");
    const endpoint = await db.webhookEndpoint.findFirstOrThrow({ where: { url } });
    const newSecret = (await rotateWebhookSecret(endpoint.id, admin.id))!;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    const organization = await db.organization.findFirstOrThrow({ where: { externalId: "hooked-3" } });
    const id = await emitWebhookEvent("customer.action_needed", organization.id);
    await deliverDueWebhooks();
    const message = receiver.received.find((entry) => entry.id === id)!;
    expect(message.signature.split(" ")).toHaveLength(2);
    expect(() => verify(message, newSecret)).not.toThrow();
    expect(() => verify(message, secret)).not.toThrow();
    // The secrets are kept encrypted, never as issued.
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(JSON.stringify(row)).not.toContain(newSecret.slice(6));
    expect(JSON.stringify(row)).not.toContain(secret.slice(6));
  });
});
