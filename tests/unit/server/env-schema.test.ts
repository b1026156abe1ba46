import { describe, expect, it } from "vitest";

import { EnvError, EXAMPLE_AUTH_SECRET, parseEnv, parseTuning, sessionCookiesSecure } from "@/lib/server/env-schema";

const valid = {
  DATABASE_URL: "file:./data/portal.db",
  AUTH_SECRET: "x".repeat(40),
  APP_URL: "http://localhost:3000",
};

const KEYS = `k2:${Buffer.alloc(32, 2).toString("base64")},k1:${Buffer.alloc(32, 1).toString("base64")}`;

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected the environment to be refused");
}

describe("the tuning variables (#24 line 7: in the validated schema, not read raw)", () => {
  it("default to production's values and are checked at start-up with the rest", () => {
    expect(parseTuning({})).toMatchObject({
      PROVISIONING_WORKER: "on",
      PROVISIONING_LEASE_MS: 30_000,
      PROVISIONING_MAX_RETRIES_LATER: 8,
      STATUS_SYNC_EVERY_SECONDS: 900,
      JOB_POLL_SECONDS: 1,
    });
    expect(parseTuning({ PROVISIONING_LEASE_MS: "1500", STATUS_SYNC_EVERY_SECONDS: "0" })).toMatchObject({
      PROVISIONING_LEASE_MS: 1500,
      STATUS_SYNC_EVERY_SECONDS: 0,
    });
    const problems = problemsOf({ ...valid, PROVISIONING_WORKER: "maybe", PROVISIONING_LEASE_MS: "-5" });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PROVISIONING_WORKER must be on or off/),
        expect.stringMatching(/^PROVISIONING_LEASE_MS /),
      ]),
    );
    expect(() => parseTuning({ JOB_POLL_SECONDS: "soon" })).toThrow(EnvError);
  });
});

describe("environment validation", () => {
  it("accepts the embedded defaults and fills in the optional values", () => {
    const env = parseEnv(valid);
    expect(env.INVITATION_TTL_DAYS).toBe(7);
    expect(env.SIGN_IN_MAX_FAILURES_PER_ACCOUNT).toBe(5);
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("names every missing required variable (an empty value counts as missing)", () => {
    const problems = problemsOf({ AUTH_SECRET: "  " });
    expect(problems).toContain("DATABASE_URL is required (for example file:./data/portal.db)");
    expect(problems.some((p) => p.startsWith("AUTH_SECRET is required"))).toBe(true);
  });

  it("checks the server-actions key that several instances share (#14 line 6)", () => {
    expect(() =>
      parseEnv({ ...valid, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") }),
    ).not.toThrow();
    expect(problemsOf({ ...valid, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "not a key" })[0]).toMatch(
      /^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be an AES key in base64/,
    );
    expect(
      problemsOf({ ...valid, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(10).toString("base64") }),
    ).toHaveLength(1);
  });

  it("explains an invalid value next to its variable", () => {
    expect(problemsOf({ ...valid, DATABASE_URL: "mysql://x" })).toEqual([
      "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    ]);
    expect(problemsOf({ ...valid, AUTH_SECRET: "short" })[0]).toMatch(/^AUTH_SECRET must be at least 32 characters/);
    expect(problemsOf({ ...valid, APP_URL: "not a url" })[0]).toMatch(/^APP_URL must be the portal's public URL/);
    expect(problemsOf({ ...valid, INVITATION_TTL_DAYS: "-1" })[0]).toMatch(/^INVITATION_TTL_DAYS /);
    expect(problemsOf({ ...valid, TWILIO_ACCOUNT_SID: "AB123" })[0]).toMatch(
      /^TWILIO_ACCOUNT_SID must be an Account SID/,
    );
    expect(problemsOf({ ...valid, SMTP_URL: "mail.example.com" })[0]).toMatch(/^SMTP_URL must look like smtp:/);
  });

  it("refuses the example secret in production but not in development", () => {
    expect(() => parseEnv({ ...valid, AUTH_SECRET: EXAMPLE_AUTH_SECRET })).not.toThrow();
    expect(
      problemsOf({ ...valid, NODE_ENV: "production", AUTH_SECRET: EXAMPLE_AUTH_SECRET, DATA_ENCRYPTION_KEYS: KEYS }),
    ).toEqual(["AUTH_SECRET is still the example value from .env.example: set a secret of your own in production"]);
  });

  it("requires the Twilio auth token together with the account SID", () => {
    expect(problemsOf({ ...valid, TWILIO_ACCOUNT_SID: `AC${"a".repeat(32)}` })).toEqual([
      "TWILIO_AUTH_TOKEN is required when TWILIO_ACCOUNT_SID is set",
    ]);
  });

  it("the error message lists each problem on its own line", () => {
    expect(() => parseEnv({ AUTH_SECRET: "x".repeat(40) })).toThrow(
      /Invalid environment, the portal cannot start:\n {2}- DATABASE_URL is required/,
    );
  });

  it("production needs an https APP_URL, so session cookies are Secure there", () => {
    const production = { ...valid, NODE_ENV: "production", DATA_ENCRYPTION_KEYS: KEYS };
    expect(problemsOf({ ...production, APP_URL: "http://portal.isv.example" })[0]).toMatch(
      /^APP_URL must use https in production/,
    );
    expect(() => parseEnv({ ...production, APP_URL: "https://portal.isv.example" })).not.toThrow();
    expect(() => parseEnv({ ...production, APP_URL: "http://127.0.0.1:3100" })).not.toThrow();
    expect(sessionCookiesSecure("https://portal.isv.example")).toBe(true);
    expect(sessionCookiesSecure("http://localhost:3000")).toBe(false);
  });

  it("production needs data-encryption keys and refuses the mail outbox folder", () => {
    const production = { ...valid, NODE_ENV: "production", APP_URL: "https://portal.isv.example" };
    expect(problemsOf(production)).toEqual([
      'DATA_ENCRYPTION_KEYS is required in production: personal data is encrypted with it. Generate one: echo "k1:$(openssl rand -base64 32)"',
    ]);
    expect(problemsOf({ ...production, DATA_ENCRYPTION_KEYS: KEYS, MAIL_OUTBOX_DIR: "/tmp/outbox" })).toEqual([
      "MAIL_OUTBOX_DIR must not be set in production: it writes every email, sign-in links included, to disk. Use SMTP_URL",
    ]);
    expect(problemsOf({ ...production, DATA_ENCRYPTION_KEYS: "k1:short" })[0]).toMatch(
      /^DATA_ENCRYPTION_KEYS is not a valid key list: key "k1" must be 32 bytes/,
    );
    expect(problemsOf({ ...production, DATA_ENCRYPTION_KEYS: Buffer.alloc(32).toString("base64") })[0]).toMatch(
      /^DATA_ENCRYPTION_KEYS is not a valid key list: each key needs an id/,
    );
    expect(() => parseEnv({ ...valid, MAIL_OUTBOX_DIR: "/tmp/outbox" })).not.toThrow();
  });
});
