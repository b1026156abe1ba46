import { describe, expect, it } from "vitest";

import { dashboardSearch, parseDashboardQuery } from "@/lib/dashboard/schema";

describe("the dashboard's address-bar state", () => {
  it("reads filters, search, sort and page", () => {
    expect(
      parseDashboardQuery(
        new URLSearchParams("q=%20Acme%20&stage=brand-failed&profile=twilio-approved&brand=FAILED&sort=name&page=3"),
      ),
    ).toEqual({
      q: "Acme",
      stage: "brand-failed",
      profile: "twilio-approved",
      brand: "FAILED",
      sort: "name",
      page: 3,
    });
  });

  it("falls back to no filter for a stale or bad value instead of failing the page", () => {
    expect(
      parseDashboardQuery({
        stage: "no-such-stage",
        profile: "approved",
        brand: "approved",
        sort: "sideways",
        page: "-4",
        q: "",
      }),
    ).toEqual({ sort: "attention", page: 1 });
    expect(parseDashboardQuery({ page: ["2", "9"], stage: "attention" })).toEqual({
      sort: "attention",
      page: 2,
      stage: "attention",
    });
    expect(parseDashboardQuery({ q: "x".repeat(500) }).q).toBeUndefined();
  });

  it("writes back only what differs from the defaults, so links stay short and round-trip", () => {
    expect(dashboardSearch({ sort: "attention", page: 1 })).toBe("");
    const query = parseDashboardQuery({ q: "acme inc", stage: "attention", sort: "waiting", page: "2" });
    expect(dashboardSearch(query)).toBe("?q=acme+inc&stage=attention&sort=waiting&page=2");
    expect(parseDashboardQuery(new URLSearchParams(dashboardSearch(query).slice(1)))).toEqual(query);
  });
});
