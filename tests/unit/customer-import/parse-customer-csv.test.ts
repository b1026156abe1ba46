import { describe, expect, it } from "vitest";

import { parseCustomerCsv } from "@/lib/customer-import/parse-customer-csv";

describe("a customer import file", () => {
  it("takes its columns by header in any order and spelling, and prefills the draft from the optional ones", () => {
    const parsed = parseCustomerCsv(
      '\uFEFFFirst User Email,Organization-Name,external_id,first_user_name,website_url,country\r\nJo@Acme.test,"Acme, Inc.",a-1,Jo Acme,acme.test,US\r\n',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.customers).toEqual([
      {
        line: 2,
        organizationName: "Acme, Inc.",
        externalId: "a-1",
        email: "jo@acme.test",
        userName: "Jo Acme",
        draft: { business: { websiteUrl: "acme.test" }, address: { country: "US" } },
      },
    ]);
  });

  it("reports a record by the line it starts on, even when a quoted cell spans lines", () => {
    const parsed = parseCustomerCsv(
      'organization_name,external_id,first_user_email,first_user_name\n"Two\nLines Co",t-1,t@t.test,T\nBad Co,,b@t.test,B\n',
    );
    expect(parsed.customers.map((c) => c.line)).toEqual([2]);
    expect(parsed.problems).toEqual([
      { line: 4, column: "external_id", message: "Give your product's id for this customer." },
    ]);
  });

  it("refuses an unreadable file, an empty one, and one without customers, saying where", () => {
    expect(parseCustomerCsv('a,"b\n').problems[0]).toMatchObject({
      line: 1,
      column: null,
      message: expect.stringMatching(/^This is not a readable CSV file/),
    });
    expect(parseCustomerCsv("").problems).toEqual([{ line: 1, column: null, message: "The file is empty." }]);
    expect(parseCustomerCsv("organization_name,external_id,first_user_email,first_user_name\n").problems).toEqual([
      { line: 2, column: null, message: "The file has no customers." },
    ]);
  });

  it("refuses a column given twice and a line with more cells than the header", () => {
    expect(
      parseCustomerCsv("external_id,External ID,organization_name,first_user_email,first_user_name\n").problems,
    ).toEqual([{ line: 1, column: "External ID", message: "This column is given twice." }]);
    const extra = parseCustomerCsv(
      "organization_name,external_id,first_user_email,first_user_name\nA,a,a@a.test,A,surprise\n",
    );
    expect(extra.problems).toEqual([
      { line: 2, column: "first_user_name", message: "This line has 5 cells; the header has 4." },
    ]);
  });
});
