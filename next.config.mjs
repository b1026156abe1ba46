import { devAllowedOrigins } from "./lib/config/dev-origins.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon and twilio pulls in Node-only modules: keep both out of the bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "pg-boss",
    "twilio",
  ],
  poweredByHeader: false,
  // Two portals side by side in one checkout (tests, a second `npm run dev`) need their own build folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Opened at 127.0.0.1, the machine's name or a LAN address, `next dev` must still serve its scripts.
  allowedDevOrigins: devAllowedOrigins(process.env),
  // Next.js logs every server action call with its arguments in development: passwords included.
  logging: { serverFunctions: false },
  // proxy.ts runs before every page and action, and Next.js buffers the body for it: by default up
  // to 10 MB of whatever an anonymous caller sends. A server action's body is at most 1 MB (proxy.ts
  // answers 413 past it), so no more than that is worth holding (#26 line 9).
  experimental: { proxyClientMaxBodySize: "2mb" },
  // The security headers that do not depend on the request; the Content-Security-Policy, which
  // carries a nonce per request, is set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          {
            key: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
          },
          ...(process.env.NODE_ENV === "production"
            ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
            : []),
        ],
      },
    ];
  },
};

export default nextConfig;
