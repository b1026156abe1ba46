import { describe, expect, it } from "vitest";

import { clientAddress, trustedProxyHops } from "@/lib/config/client-address.mjs";
import { devAllowedOrigins } from "@/lib/config/dev-origins.mjs";

describe("the caller's address", () => {
  it("comes from the socket when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ socketAddress: "203.0.113.9", forwardedFor: "1.2.3.4", trustedHops: 0 })).toBe(
      "203.0.113.9",
    );
    expect(clientAddress({ socketAddress: "::ffff:127.0.0.1", forwardedFor: undefined, trustedHops: 0 })).toBe(
      "127.0.0.1",
    );
    expect(clientAddress({ socketAddress: undefined, forwardedFor: undefined, trustedHops: 0 })).toBe("unknown");
  });

  it("behind N trusted proxies, is the entry the nearest of them wrote, never one further left", () => {
    // client → load balancer (appends the client's address) → portal
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "198.51.100.7", trustedHops: 1 })).toBe(
      "198.51.100.7",
    );
    // The client put a fake address in front; the load balancer appended the real one.
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.7", trustedHops: 1 })).toBe(
      "198.51.100.7",
    );
    // CDN → load balancer → portal
    expect(
      clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.7, 10.0.0.1", trustedHops: 2 }),
    ).toBe("198.51.100.7");
    // Fewer entries than hops: the furthest one there is.
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: undefined, trustedHops: 2 })).toBe("10.0.0.2");
  });

  it("TRUSTED_PROXY_HOPS is a small whole number", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
    expect(() => trustedProxyHops("-1")).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => trustedProxyHops("one")).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("next dev's allowed origins", () => {
  it("cover this machine's names, APP_URL's host and DEV_ALLOWED_HOSTS", () => {
    expect(
      devAllowedOrigins({ APP_URL: "http://portal.lan:3000", DEV_ALLOWED_HOSTS: " 192.168.1.20 , devbox " }).sort(),
    ).toEqual(["127.0.0.1", "192.168.1.20", "[::1]", "devbox", "localhost", "portal.lan"]);
    expect(devAllowedOrigins({ APP_URL: "not a url" })).toContain("127.0.0.1");
  });
});
