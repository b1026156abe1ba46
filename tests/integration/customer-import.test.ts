import { beforeAll, describe, expect, it } from "vitest";

import { readStoredDraft } from "@/lib/server/applications/stored-draft";
import { checkCustomerImport } from "@/lib/server/customer-import/check-import";
import { importStatus } from "@/lib/server/customer-import/import-status";
import { runCustomerImports, startCustomerImport } from "@/lib/server/customer-import/run-import";
import { db } from "@/lib/server/db";

import { makeOrganization, makeUser } from "../support/factories";
import { mailOutbox } from "../support/mail-outbox";

/**
 * #28 line 2, CSV import: a dry run that reports every bad row by line and column and imports
 * nothing (a 1,000-row file); a clean file run in the background, idempotent by external id,
 * inviting each first user once with their name; two workers at once and a worker that died
 * mid-row still make each customer once.
 */
const HEADER = "organization_name,external_id,first_user_email,first_user_name,business_type,website_url,country";
const run = `imp-${Date.now().toString(36)}`;
const row = (n: number) =>
  `Customer ${n} Inc,${run}-${n},owner${n}@${run}.test,Owner ${n},Corporation,www.c${n}.test,US`;
let staff: { id: string };
let takenEmail: string;

beforeAll(async () => {
  staff = (await makeUser({ role: "STAFF" })).user;
  takenEmail = (await makeUser({ role: "STAFF", email: `taken@${run}.test` })).user.email;
});

describe("the dry run", () => {
  it("reports every bad row of a 1,000-row file by line and column, and imports nothing", async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => row(i));
    // The header is line 1, so customer i sits on line i + 2.
    lines[10] = `Customer 10 Inc,${run}-10,not-an-email,Owner 10,Corporation,www.c10.test,US`;
    lines[200] = `Customer 200 Inc,${run}-5,owner200@${run}.test,Owner 200,Corporation,www.c200.test,US`;
    lines[301] = `,${run}-301,owner301@${run}.test,,Corporation,www.c301.test,US`;
    lines[499] = `Customer 499 Inc,${run}-499,owner499@${run}.test,Owner 499,Shop,www.c499.test,US`;
    lines[998] = `Customer 998 Inc,${run}-998,${takenEmail},Owner 998,Corporation,www.c998.test,ZZ`;
    const organizationsBefore = await db.organization.count();
    const importsBefore = await db.customerImport.count();

    const check = await checkCustomerImport(
      { name: "book.csv", text: [HEADER, ...lines].join("\n") },
      { staffUserId: staff.id },
    );

    expect(check.importId).toBeNull();
    expect(check.rowCount).toBe(1000);
    expect(check.problems.map(({ line, column }) => `${line}:${column}`)).toEqual([
      "12:first_user_email",
      "202:external_id",
      "303:organization_name",
      "303:first_user_name",
      "501:business_type",
      "1000:country",
      "1000:first_user_email",
    ]);
    expect(check.problems.find((p) => p.line === 202)?.message).toBe("Line 7 has this external id too.");
    expect(check.problems.find((p) => p.line === 501)?.message).toMatch(/Accepted values: .*Corporation/);
    expect(check.problems.find((p) => p.line === 1000 && p.column === "first_user_email")?.message).toMatch(
      /already has an account/,
    );
    expect(await db.organization.count()).toBe(organizationsBefore);
    expect(await db.customerImport.count()).toBe(importsBefore);
  });

  it("refuses a file whose header lacks a required column or names an unknown one", async () => {
    const check = await checkCustomerImport(
      { name: "x.csv", text: "organization_name,external_id,first_user_email,favourite_colour\nA,b,c@d.test,blue" },
      { staffUserId: staff.id },
    );
    expect(check.importId).toBeNull();
    expect(check.problems).toEqual([
      { line: 1, column: "favourite_colour", message: "This column is not one the import knows." },
      { line: 1, column: "first_user_name", message: "Add this column: it is required." },
    ]);
  });
});

describe("the run", () => {
  const COUNT = 60;
  const file = () => [HEADER, ...Array.from({ length: COUNT }, (_, i) => row(1000 + i))].join("\n");

  it("creates each customer once with its draft, invites each first user by name, and a second import changes nothing", async () => {
    // One external id is already a customer (made through the API, say): the import leaves it be.
    const { organization: existing } = await makeOrganization(`Existing ${run}`);
    await db.organization.update({ where: { id: existing.id }, data: { externalId: `${run}-1000` } });
    const outbox = mailOutbox();
    const mailsBefore = outbox.all().length;

    const check = await checkCustomerImport({ name: "clean.csv", text: file() }, { staffUserId: staff.id });
    expect(check.problems).toEqual([]);
    expect(check).toMatchObject({ rowCount: COUNT, newCustomers: COUNT - 1, existingCustomers: 1 });
    expect(await db.organization.count({ where: { externalId: { startsWith: `${run}-10` } } })).toBe(1);

    expect(await startCustomerImport(check.importId!, { staffUserId: staff.id })).toBe(true);
    expect(await startCustomerImport(check.importId!, { staffUserId: staff.id })).toBe(false);
    // Two workers at once (two instances' sweeps): each row is claimed by one of them.
    await Promise.all([runCustomerImports(), runCustomerImports()]);

    const status = await importStatus(check.importId!);
    expect(status).toMatchObject({
      state: "DONE",
      rows: { PENDING: 0, CREATED: 0, INVITED: COUNT - 1, SKIPPED: 1, FAILED: 0 },
    });
    const made = await db.organization.findMany({
      where: { externalId: { startsWith: `${run}-1` } },
      include: { applications: true, invitations: true },
    });
    expect(made).toHaveLength(COUNT);
    const customer = made.find((o) => o.externalId === `${run}-1001`)!;
    expect(customer.name).toBe("Customer 1001 Inc");
    expect(customer.invitations).toMatchObject([
      { email: `owner1001@${run}.test`, name: "Owner 1001", role: "CUSTOMER" },
    ]);
    expect(readStoredDraft(customer.applications[0]!.draft, customer.applications[0]!.id)).toMatchObject({
      business: { businessType: "Corporation", websiteUrl: "www.c1001.test" },
      address: { country: "US" },
    });
    expect(made.find((o) => o.id === existing.id)!.invitations).toEqual([]);
    const mails = outbox.all().slice(mailsBefore);
    expect(mails).toHaveLength(COUNT - 1);
    expect(new Set(mails.map((mail) => mail.to)).size).toBe(COUNT - 1);
    expect(mails.find((mail) => mail.to === `owner1001@${run}.test`)?.text).toMatch(/^Hello Owner 1001,/);
    // Personal data is dropped from each row once it is done.
    expect(
      await db.customerImportRow.count({ where: { importId: check.importId!, payloadEncrypted: { not: null } } }),
    ).toBe(0);

    const again = await checkCustomerImport({ name: "clean.csv", text: file() }, { staffUserId: staff.id });
    expect(again).toMatchObject({ newCustomers: 0, existingCustomers: COUNT });
    await startCustomerImport(again.importId!, { staffUserId: staff.id });
    await runCustomerImports();
    expect(await importStatus(again.importId!)).toMatchObject({ state: "DONE", rows: { SKIPPED: COUNT, INVITED: 0 } });
    expect(await db.organization.count({ where: { externalId: { startsWith: `${run}-1` } } })).toBe(COUNT);
    expect(outbox.all().length - mailsBefore).toBe(COUNT - 1);
  });

  it("picks up a row whose worker died once its claim runs out, and makes its customer once", async () => {
    const text = [HEADER, row(2000), row(2001)].join("\n");
    const check = await checkCustomerImport({ name: "two.csv", text }, { staffUserId: staff.id });
    await startCustomerImport(check.importId!, { staffUserId: staff.id });
    // A worker claimed line 2 and died.
    await db.customerImportRow.updateMany({
      where: { importId: check.importId!, line: 2 },
      data: { claimedUntil: new Date(Date.now() + 60_000) },
    });
    await runCustomerImports();
    expect(await importStatus(check.importId!)).toMatchObject({ state: "RUNNING", rows: { PENDING: 1, INVITED: 1 } });

    await runCustomerImports({ now: () => new Date(Date.now() + 61_000) });
    expect(await importStatus(check.importId!)).toMatchObject({ state: "DONE", rows: { INVITED: 2 } });
    expect(await db.organization.count({ where: { externalId: `${run}-2000` } })).toBe(1);
  });
});
