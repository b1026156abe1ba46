import { afterEach, describe, expect, it } from "vitest";

import { safeCallbackPath } from "@/lib/server/auth/callback-path";
import { clientIp } from "@/lib/server/auth/client-ip";
import { canAccessOrganization, homePathFor, isAdmin, isStaff, type Actor } from "@/lib/server/auth/policy";

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

  it("lands every hostile callbackUrl on the portal's own origin", () => {
    const hostile = [
      "/\tevil.example",
      "/\t/evil.example",
      "/%09/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "/%2F/evil.example",
      "/%5C/evil.example",
      "%2F%2Fevil.example",
      "https:evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "/javascript:alert(1)",
      "//evil.example",
      "///evil.example",
      "\t//evil.example",
    ].map((value) => value.replace(/\\t/g, "\t").replace(/\\n/g, "\n").replace(/\\r/g, "\r"));
    for (const value of hostile) {
      const path = safeCallbackPath(value, "https://portal.example.com");
      if (path === null) continue;
      // A path that stays is one the browser resolves on the portal's origin, with no control characters.
      expect(new URL(path, "https://portal.example.com").origin, value).toBe("https://portal.example.com");
      expect(path, value).not.toMatch(/[\u0000-\u001f\\]/);
      expect(path.startsWith("//"), value).toBe(false);
    }
    expect(safeCallbackPath("/\t/evil.example", "https://portal.example.com")).toBeNull();
    expect(safeCallbackPath("/staff?tab=1#top", "https://portal.example.com")).toBe("/staff?tab=1#top");
  });
});

describe("client IP", () => {
  afterEach(() => {
    delete process.env.PORTAL_CLIENT_IP_SECRET;
  });

  it("is what the portal's server decided, with that server's proof beside it", () => {
    process.env.PORTAL_CLIENT_IP_SECRET = "s".repeat(64);
    const proof = { "x-portal-client-ip-proof": "s".repeat(64) };
    expect(clientIp(new Headers({ "x-portal-client-ip": "203.0.113.7", ...proof }))).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1", ...proof }))).toBe("unknown");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("unknown");
    expect(clientIp(new Headers())).toBe("unknown");
  });

  it("is never a header the client wrote: without the proof, or with a wrong one, the address is unknown (#26 line 7)", () => {
    // Outside server.mjs (next dev, next start, a standalone build) there is no secret at all.
    expect(clientIp(new Headers({ "x-portal-client-ip": "203.0.113.7" }))).toBe("unknown");
    expect(clientIp(new Headers({ "x-portal-client-ip": "203.0.113.7", "x-portal-client-ip-proof": "anything" }))).toBe(
      "unknown",
    );
    process.env.PORTAL_CLIENT_IP_SECRET = "s".repeat(64);
    expect(clientIp(new Headers({ "x-portal-client-ip": "203.0.113.7" }))).toBe("unknown");
    expect(
      clientIp(new Headers({ "x-portal-client-ip": "203.0.113.7", "x-portal-client-ip-proof": "t".repeat(64) })),
    ).toBe("unknown");
  });
});
