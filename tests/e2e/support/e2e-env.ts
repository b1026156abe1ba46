import path from "node:path";

/** One place for the browser tests' server settings: a database and outbox of their own. */
const root = path.resolve(__dirname, "../../..");
const tmp = path.join(root, "tests/.tmp/e2e");
const port = Number(process.env.E2E_PORT ?? 3100);
const baseUrl = `http://127.0.0.1:${port}`;
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2625);
const authSecret = "e2e-test-secret-that-is-long-enough-0123456789abcdef";

export const E2E = {
  port,
  baseUrl,
  sandboxPort,
  sandboxUrl,
  tmp,
  smtpPort,
  databaseFile: path.join(tmp, "portal.db"),
  outboxDir: path.join(tmp, "outbox"),
  serverEnv: {
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `file:${path.join(tmp, "portal.db")}`,
    AUTH_SECRET: authSecret,
    APP_URL: baseUrl,
    // Production mode sends mail by SMTP only: to the tests' own SMTP sink (support/smtp-sink.ts).
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_OUTBOX_DIR: "",
    DATA_ENCRYPTION_KEYS: `e2e:${Buffer.alloc(32, 7).toString("base64")}`,
    SIGN_IN_MAX_FAILURES_PER_ACCOUNT: "5",
    SIGN_IN_MAX_FAILURES_PER_IP: "50",
    SIGN_IN_WINDOW_MINUTES: "15",
    TWILIO_ACCOUNT_SID: "ACd0c5a4db0c5a4db0c5a4db0c5a4db0c5",
    TWILIO_AUTH_TOKEN: "5a4db0c55a4db0c55a4db0c55a4db0c5",
    TWILIO_SANDBOX_URL: sandboxUrl,
  } as Record<string, string>,
  sandboxEnv: {
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_MODE: "test",
    // Empty: the browser tests get a fresh in-memory sandbox every run.
    SANDBOX_STATE_FILE: "",
    // Reviews move only when a test says so (control API "advance"), never by the clock mid-test.
    SANDBOX_REVIEW_DELAY_SECONDS: "86400",
    SANDBOX_APPROVAL_DELAY_SECONDS: "86400",
    SANDBOX_BRAND_DELAY_SECONDS: "86400",
    SANDBOX_CAMPAIGN_DELAY_SECONDS: "86400",
  } as Record<string, string>,
};
