import addFormats from "ajv-formats";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/server/api-keys/api-keys";
import { readStoredDraft } from "@/lib/server/applications/stored-draft";
import { db } from "@/lib/server/db";

import { makeUser } from "../support/factories";
import { mailOutbox } from "../support/mail-outbox";

/**
 * #28 line 3: the ISV API, through its real route handlers and database. Its keys (shown once,
 * kept hashed, scoped, revocable, rate-limited, last use recorded), its customers (created and
 * invited once per externalId, prefilled, read, listed since a time), and every answer checked
 * against the OpenAPI document the API serves.
 */
process.env.API_KEY_REQUESTS_PER_MINUTE = "40";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Answer = { status: number; body: Record<string, unknown> & { error?: { fields?: Record<string, string> } } };

const BASE = "http://portal.test";
let routes: {
  customers: { GET: Handler; POST: Handler };
  customer: { GET: Handler };
  draft: { PATCH: Handler };
  imports: { GET: Handler; POST: Handler };
  importRun: { GET: Handler };
  adoptionRuns: { GET: Handler };
  adoptionRun: { GET: Handler };
  openapi: { GET: () => Response };
};
let admin: { id: string };
let readKey: string;
let writeKey: string;

/** Every answer of the file, validated against the OpenAPI document at the end. */
const answers: { method: string; template: string; status: number; body: unknown }[] = [];

async function call(
  method: "GET" | "POST" | "PATCH",
  template: string,
  options: {
    key?: string | null;
    params?: Record<string, string>;
    query?: string;
    body?: unknown;
    raw?: string;
    csv?: string;
  } = {},
): Promise<Answer> {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => options.params![name]!);
  const headers: Record<string, string> = {};
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  const body = options.csv ?? options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers["content-type"] = options.csv === undefined ? "application/json" : "text/csv";
  const request = new Request(`${BASE}${path}${options.query ? `?${options.query}` : ""}`, { method, headers, body });
  const handler = {
    "/api/v1/customers": () => routes.customers[method as "GET" | "POST"],
    "/api/v1/customers/{customerId}": () => routes.customer.GET,
    "/api/v1/customers/{customerId}/draft": () => routes.draft.PATCH,
    "/api/v1/imports": () => routes.imports[method as "GET" | "POST"],
    "/api/v1/imports/{importId}": () => routes.importRun.GET,
    "/api/v1/adoption-runs": () => routes.adoptionRuns.GET,
    "/api/v1/adoption-runs/{runId}": () => routes.adoptionRun.GET,
  }[template]!();
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const answer = { status: response.status, body: (await response.json()) as Answer["body"] };
  answers.push({ method: method.toLowerCase(), template, status: answer.status, body: answer.body });
  return answer;
}

const business = {
  businessName: "Prefilled Goods LLC",
  registrationNumber: "12-3456789",
  websiteUrl: "https://prefilled.example",
};

beforeAll(async () => {
  routes = {
    customers: (await import("@/app/api/v1/customers/route")) as never,
    customer: (await import("@/app/api/v1/customers/[customerId]/route")) as never,
    draft: (await import("@/app/api/v1/customers/[customerId]/draft/route")) as never,
    imports: (await import("@/app/api/v1/imports/route")) as never,
    importRun: (await import("@/app/api/v1/imports/[importId]/route")) as never,
    adoptionRuns: (await import("@/app/api/v1/adoption-runs/route")) as never,
    adoptionRun: (await import("@/app/api/v1/adoption-runs/[runId]/route")) as never,
    openapi: (await import("@/app/api/v1/openapi.json/route")) as never,
  };
  ({ user: admin } = await makeUser({ role: "ADMIN" }));
  readKey = (await createApiKey({ name: "Reporting", scope: "read" }, admin.id)).key;
  writeKey = (await createApiKey({ name: "Billing system", scope: "read_write" }, admin.id)).key;
});

describe("API keys", () => {
  it("are shown once and kept only as a hash; the list shows their prefix and scope", async () => {
    const { key, view } = await createApiKey({ name: "Shown Once", scope: "read" }, admin.id);
    expect(key).toMatch(/^ptk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: view.id } });
    const secret = key.split("_").slice(2).join("_");
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.startsWith(`${row.prefix}_`)).toBe(true);
    const listed = (await listApiKeys()).find((entry) => entry.id === view.id)!;
    expect(listed).toEqual({
      id: view.id,
      name: "Shown Once",
      prefix: row.prefix,
      scope: "read",
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(await listApiKeys())).not.toContain(secret);
    expect(await db.auditLog.count({ where: { action: "api_key.created", targetId: view.id } })).toBe(1);
  });

  it("refuse a missing, malformed or wrong key (401), a read key's write (403); record the last use", async () => {
    expect((await call("GET", "/api/v1/customers", { key: null })).status).toBe(401);
    expect((await call("GET", "/api/v1/customers", { key: "ptk_nothing" })).status).toBe(401);
    const wrongSecret = `${writeKey.slice(0, 17)}${"A".repeat(43)}`;
    expect((await call("GET", "/api/v1/customers", { key: wrongSecret })).status).toBe(401);
    const refused = await call("POST", "/api/v1/customers", {
      key: readKey,
      body: { name: "Not Allowed Co", firstUser: { email: "no@not-allowed.example" } },
    });
    expect(refused.status).toBe(403);
    expect(await db.organization.count({ where: { name: "Not Allowed Co" } })).toBe(0);
    expect((await call("GET", "/api/v1/customers", { key: readKey })).status).toBe(200);
    const prefix = readKey.split("_").slice(0, 2).join("_");
    expect((await db.apiKey.findUniqueOrThrow({ where: { prefix } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it("stop working the moment they are revoked", async () => {
    const { key, view } = await createApiKey({ name: "Soon Revoked", scope: "read_write" }, admin.id);
    expect((await call("GET", "/api/v1/customers", { key })).status).toBe(200);
    expect(await revokeApiKey(view.id, admin.id)).toBe(true);
    expect(await revokeApiKey(view.id, admin.id)).toBe(false);
    expect((await call("GET", "/api/v1/customers", { key })).status).toBe(401);
    expect((await listApiKeys()).find((entry) => entry.id === view.id)!.revokedAt).not.toBeNull();
  });

  it("are rate-limited each on its own, in the database: 429 with Retry-After past the limit", async () => {
    const { key } = await createApiKey({ name: "Busy", scope: "read" }, admin.id);
    const statuses: number[] = [];
    for (let index = 0; index < 41; index++) statuses.push((await call("GET", "/api/v1/customers", { key })).status);
    expect(statuses.slice(0, 40).every((status) => status === 200)).toBe(true);
    expect(statuses[40]).toBe(429);
    const response = await routes.customers.GET(
      new Request(`${BASE}/api/v1/customers`, { headers: { authorization: `Bearer ${key}` } }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another key is not slowed by this one's requests.
    expect((await call("GET", "/api/v1/customers", { key: readKey })).status).toBe(200);
  });
});

describe("customers through the API", () => {
  it("are created with their first user invited and their draft prefilled, once per externalId", async () => {
    const outbox = mailOutbox();
    const created = await call("POST", "/api/v1/customers", {
      key: writeKey,
      body: {
        name: "Prefilled Goods",
        externalId: "crm-1001",
        firstUser: { email: "Owner@Prefilled.example" },
        draft: { business },
      },
    });
    expect(created.status).toBe(201);
    const body = created.body as {
      customer: { id: string; externalId: string; application: { stage: string; status: string } };
      created: boolean;
      invitation: { email: string; link: string };
    };
    expect(body.created).toBe(true);
    expect(body.customer).toMatchObject({
      externalId: "crm-1001",
      application: { stage: "draft", status: "DRAFT" },
    });
    expect(body.invitation.email).toBe("owner@prefilled.example");
    expect(body.invitation.link).toMatch(/\/invite\//);
    const application = await db.onboardingApplication.findFirstOrThrow({
      where: { organizationId: body.customer.id },
    });
    expect(readStoredDraft(application.draft, application.id).business).toMatchObject(business);
    // The registration number is personal data: stored encrypted, never as typed.
    expect(JSON.stringify(application.draft)).not.toContain("3456789");
    expect(application.displayName).toBe("Prefilled Goods LLC");
    expect(outbox.all().filter((mail) => mail.to === "owner@prefilled.example")).toHaveLength(1);

    const again = await call("POST", "/api/v1/customers", {
      key: writeKey,
      body: { name: "Prefilled Goods", externalId: "crm-1001", firstUser: { email: "owner@prefilled.example" } },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, invitation: null, customer: { id: body.customer.id } });
    expect(await db.organization.count({ where: { externalId: "crm-1001" } })).toBe(1);
    expect(await db.invitation.count({ where: { email: "owner@prefilled.example" } })).toBe(1);
  });

  it("two requests with one externalId at once make one customer", async () => {
    const request = () =>
      call("POST", "/api/v1/customers", {
        key: writeKey,
        body: { name: "Twice At Once", externalId: "crm-2002", firstUser: { email: "twice@at-once.example" } },
      });
    const [first, second] = await Promise.all([request(), request()]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(await db.organization.count({ where: { externalId: "crm-2002" } })).toBe(1);
  });

  it("a bad body is refused with each field's problem, and nothing is made", async () => {
    const bad = await call("POST", "/api/v1/customers", {
      key: writeKey,
      body: { name: "", firstUser: { email: "not-an-email" }, draft: { business: { regions: "US" } } },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error!.fields!).sort()).toEqual(["draft.business.regions", "firstUser.email", "name"]);
    const notJson = await call("POST", "/api/v1/customers", { key: writeKey, raw: "{name:" });
    expect(notJson.status).toBe(400);
    const unknownField = await call("POST", "/api/v1/customers", {
      key: writeKey,
      body: { name: "Extra Co", firstUser: { email: "extra@extra.example" }, plan: "gold" },
    });
    expect(unknownField.status).toBe(400);
    expect(await db.organization.count({ where: { name: "Extra Co" } })).toBe(0);
  });

  it("are read with their stage, statuses and next step; an unknown id is 404", async () => {
    const created = await call("POST", "/api/v1/customers", {
      key: writeKey,
      body: { name: "Readable Co", firstUser: { email: "reader@readable.example" } },
    });
    const id = (created.body as { customer: { id: string } }).customer.id;
    const read = await call("GET", "/api/v1/customers/{customerId}", { key: readKey, params: { customerId: id } });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id,
      name: "Readable Co",
      externalId: null,
      application: { stage: "draft", needsAction: false, statuses: { brand: null } },
      next: { who: "customer" },
      problems: [],
    });
    const missing = await call("GET", "/api/v1/customers/{customerId}", {
      key: readKey,
      params: { customerId: "no-such-customer" },
    });
    expect(missing.status).toBe(404);
  });

  it("a draft is prefilled field by field while it is a draft, and refused once sent", async () => {
    const created = await call("POST", "/api/v1/customers", {
      key: writeKey,
      body: { name: "Later Prefill Co", firstUser: { email: "later@prefill.example" }, draft: { business } },
    });
    const id = (created.body as { customer: { id: string } }).customer.id;
    const patched = await call("PATCH", "/api/v1/customers/{customerId}/draft", {
      key: writeKey,
      params: { customerId: id },
      body: { draft: { business: { businessName: "Renamed Goods LLC" }, address: { city: "Austin" } } },
    });
    expect(patched.status).toBe(200);
    const application = await db.onboardingApplication.findFirstOrThrow({ where: { organizationId: id } });
    const draft = readStoredDraft(application.draft, application.id);
    expect(draft.business).toMatchObject({ ...business, businessName: "Renamed Goods LLC" });
    expect(draft.address).toEqual({ city: "Austin" });
    expect(application.version).toBe(2);
    const audited = await db.auditLog.findFirstOrThrow({
      where: { action: "application.draft_prefilled", targetId: application.id },
    });
    expect(JSON.stringify(audited.metadata)).not.toContain("Renamed");

    const readOnly = await call("PATCH", "/api/v1/customers/{customerId}/draft", {
      key: readKey,
      params: { customerId: id },
      body: { draft: { address: { city: "Dallas" } } },
    });
    expect(readOnly.status).toBe(403);
    await db.onboardingApplication.update({ where: { id: application.id }, data: { status: "SUBMITTED" } });
    const sent = await call("PATCH", "/api/v1/customers/{customerId}/draft", {
      key: writeKey,
      params: { customerId: id },
      body: { draft: { address: { city: "Dallas" } } },
    });
    expect(sent.status).toBe(409);
  });

  it("are listed changed since a time, a page at a time, each once, oldest change first", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) {
      const created = await call("POST", "/api/v1/customers", {
        key: writeKey,
        body: { name: `Listed ${index} Co`, firstUser: { email: `listed-${index}@listed.example` } },
      });
      ids.push((created.body as { customer: { id: string } }).customer.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await call("GET", "/api/v1/customers", {
        key: readKey,
        query: new URLSearchParams({ changedSince: since, limit: "2", ...(cursor ? { cursor } : {}) }).toString(),
      });
      expect(page.status).toBe(200);
      const body = page.body as { data: { id: string; changedAt: string }[]; nextCursor: string | null };
      expect(body.data.length).toBeLessThanOrEqual(2);
      seen.push(...body.data.map((customer) => customer.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
    expect(new Set(seen).size).toBe(seen.length);
    const badCursor = await call("GET", "/api/v1/customers", { key: readKey, query: "cursor=bm90LWEtY3Vyc29y" });
    expect(badCursor.status).toBe(400);
    const badLimit = await call("GET", "/api/v1/customers", { key: readKey, query: "limit=5000" });
    expect(badLimit.status).toBe(400);
  });
});

describe("customer imports through the API", () => {
  const header = "organization_name,external_id,first_user_email,first_user_name";
  const tag = `api-import-${Date.now().toString(36)}`;

  it("a dry run answers every problem by line and column and imports nothing; a read key may not import", async () => {
    const csv = [header, `Good Co,${tag}-1,good@${tag}.test,Good`, `Bad Co,${tag}-2,not-an-email,`].join("\n");
    const dry = await call("POST", "/api/v1/imports", { key: writeKey, query: "dryRun=true", csv });
    expect(dry.status).toBe(422);
    expect(dry.body.problems).toEqual([
      { line: 3, column: "first_user_email", message: "Enter an email address like name@company.com." },
      { line: 3, column: "first_user_name", message: "Give the first user's name." },
    ]);
    const clean = await call("POST", "/api/v1/imports", {
      key: writeKey,
      query: "dryRun=true",
      csv: [header, `Good Co,${tag}-1,good@${tag}.test,Good`].join("\n"),
    });
    expect(clean).toMatchObject({ status: 200, body: { importId: null, newCustomers: 1, problems: [] } });
    expect((await call("POST", "/api/v1/imports", { key: readKey, csv })).status).toBe(403);
    expect((await call("POST", "/api/v1/imports", { key: writeKey, raw: "{}" })).status).toBe(400);
    expect(await db.organization.count({ where: { externalId: { startsWith: tag } } })).toBe(0);
    expect(
      await db.customerImport.count({
        where: { fileName: "api.csv", apiKeyPrefix: writeKey.split("_").slice(0, 2).join("_") },
      }),
    ).toBe(0);
  });

  it("an import starts at once and its status is read by id and in the list", async () => {
    const { runCustomerImports } = await import("@/lib/server/customer-import/run-import");
    const csv = [
      header,
      `Imported One,${tag}-10,one@${tag}.test,One`,
      `Imported Two,${tag}-11,two@${tag}.test,Two`,
    ].join("\n");
    const started = await call("POST", "/api/v1/imports", { key: writeKey, query: "fileName=book.csv", csv });
    expect(started).toMatchObject({ status: 202, body: { fileName: "book.csv", newCustomers: 2, problems: [] } });
    const importId = started.body.importId as string;
    const running = await call("GET", "/api/v1/imports/{importId}", { key: readKey, params: { importId } });
    expect(running).toMatchObject({ status: 200, body: { state: "RUNNING", rows: { PENDING: 2 } } });
    await runCustomerImports();
    const done = await call("GET", "/api/v1/imports/{importId}", { key: readKey, params: { importId } });
    expect(done).toMatchObject({ status: 200, body: { state: "DONE", rowCount: 2, rows: { INVITED: 2, PENDING: 0 } } });
    const list = await call("GET", "/api/v1/imports", { key: readKey });
    expect((list.body.data as { id: string }[]).map((run) => run.id)).toContain(importId);
    expect(
      (await call("GET", "/api/v1/imports/{importId}", { key: readKey, params: { importId: "nope" } })).status,
    ).toBe(404);
    const created = await db.organization.findUniqueOrThrow({ where: { externalId: `${tag}-10` } });
    expect(await db.auditLog.count({ where: { action: "organization.created", targetId: created.id } })).toBe(1);
  });
});

describe("adoption scans through the API", () => {
  it("are read with their progress, by id and in the list; an unknown id is 404", async () => {
    const run = await db.adoptionRun.create({
      data: {
        accountsTotal: 2,
        accounts: {
          create: [
            { accountSid: "AC_read", friendlyName: "ISV", isIsv: true, state: "DONE" },
            { accountSid: "AC_waiting", friendlyName: "Sub", isIsv: false, error: "Twilio answered 503" },
          ],
        },
      },
    });
    const one = await call("GET", "/api/v1/adoption-runs/{runId}", { key: readKey, params: { runId: run.id } });
    expect(one).toMatchObject({
      status: 200,
      body: {
        state: "SCANNING",
        accountsTotal: 2,
        accountsRead: 1,
        accountErrors: [{ accountSid: "AC_waiting", error: "Twilio answered 503" }],
        customersFound: 0,
      },
    });
    const list = await call("GET", "/api/v1/adoption-runs", { key: readKey });
    expect((list.body.data as { id: string }[]).map((entry) => entry.id)).toContain(run.id);
    const missing = await call("GET", "/api/v1/adoption-runs/{runId}", { key: readKey, params: { runId: "nope" } });
    expect(missing.status).toBe(404);
    expect((await call("GET", "/api/v1/adoption-runs", { key: null })).status).toBe(401);
  });
});

describe("the OpenAPI document", () => {
  let document: {
    openapi: string;
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
    >;
    components: { schemas: Record<string, unknown> };
  };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);

  beforeAll(async () => {
    document = (await routes.openapi.GET().json()) as typeof document;
    ajv.addSchema({ $id: "api", components: document.components } as never);
  });

  afterAll(() => {
    // Every operation the document lists was called in this file.
    const called = new Set(answers.map((answer) => `${answer.method} ${answer.template}`));
    for (const [path, operations] of Object.entries(document.paths))
      for (const method of Object.keys(operations)) expect(called, `${method} ${path}`).toContain(`${method} ${path}`);
  });

  it("is OpenAPI 3.1, and every answer of this file matches the schema it documents for its status", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(answers.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const answer of answers) {
      const response = document.paths[answer.template]?.[answer.method]?.responses[String(answer.status)];
      if (!response) {
        problems.push(
          `${answer.method} ${answer.template} answered ${answer.status}, which the document does not list`,
        );
        continue;
      }
      const schema = response.content?.["application/json"]?.schema as { $ref: string };
      if (!schema) {
        problems.push(`${answer.method} ${answer.template} ${answer.status} documents no JSON body`);
        continue;
      }
      const validate = ajv.compile({ $ref: `api${schema.$ref}` });
      if (!validate(answer.body))
        problems.push(`${answer.method} ${answer.template} ${answer.status}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(problems).toEqual([]);
  });
});
