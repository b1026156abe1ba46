import { describe, expect, it } from "vitest";
import { canAccessOrganization, homePathFor, isAdmin, isStaff, type Actor } from "@/lib/server/auth/policy";
import { safeCallbackPath } from "@/lib/server/auth/callback-path";
import { clientIp } from "@/lib/server/auth/client-ip";

const admin: Actor = { id: "a", role: "ADMIN", organizationId: null };
const staff: Actor = { id: "s", role: "STAFF", organizationId: null };
const customerOfA: Actor = { id: "c1", role: "CUSTOMER", organizationId: "org-a" };
const customerOfB: Actor = { id: "c2", role: "CUSTOMER", organizationId: "org-b" };
const orphanCustomer: Actor = { id: "c3", role: "CUSTOMER", organizationId: null };

describe("access policy", () => {
  it("staff and admins are staff; only admins are admins", () => {
    expect([admin, staff, customerOfA].map(isStaff)).toEqual([true, true, false]);
    expect([admin, staff, customerOfA].map(isAdmin)).toEqual([true, false, false]);
  });

  it("a customer reaches only their own organization; staff reach every one", () => {
    expect(canAccessOrganization(customerOfA, "org-a")).toBe(true);
    expect(canAccessOrganization(customerOfA, "org-b")).toBe(false);
    expect(canAccessOrganization(customerOfB, "org-a")).toBe(false);
    expect(canAccessOrganization(orphanCustomer, "org-a")).toBe(false);
    expect(canAccessOrganization(staff, "org-a")).toBe(true);
    expect(canAccessOrganization(admin, "org-b")).toBe(true);
  });

  it("sends each role to its own home", () => {
    expect(homePathFor(customerOfA)).toBe("/home");
    expect(homePathFor(staff)).toBe("/staff");
  });
});

describe("callback paths after sign-in", () => {
  it("follows same-site paths only", () => {
    expect(safeCallbackPath("/staff/team")).toBe("/staff/team");
    expect(safeCallbackPath("https://evil.example/")).toBeNull();
    expect(safeCallbackPath("//evil.example/")).toBeNull();
    expect(safeCallbackPath("/\\evil.example")).toBeNull();
    expect(safeCallbackPath("/api/auth/signout")).toBeNull();
    expect(safeCallbackPath(undefined)).toBeNull();
  });
});

describe("client IP", () => {
  it("takes the first forwarded address, then x-real-ip", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
