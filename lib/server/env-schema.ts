import { z } from "zod";

import { parseDataKeys } from "./crypto/data-keys";

/**
 * The portal's environment, validated once at start-up (see instrumentation.ts).
 * Kept free of `server-only` so that scripts and unit tests can use it too; nothing here is ever
 * imported by a client component, and only `NEXT_PUBLIC_*` variables could reach the browser.
 */

// The value shipped in .env.example: fine on a laptop, refused in production.
export const EXAMPLE_AUTH_SECRET = "embedded-demo-secret-change-me-in-production-0123456789";

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const nonNegative = (fallback: number) => z.coerce.number().min(0).default(fallback);

/**
 * Tuning of the job engine and provisioning: defaults fit production; tests and benchmarks shorten
 * them. Read through `tuning()` (lib/server/tuning.ts) each time, and validated with the rest at
 * start-up.
 */
const tuningShape = {
  /** `off`: this process runs no job workers (provisioning, sync); `npm run worker` does. */
  PROVISIONING_WORKER: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  /** Provisioning jobs one instance runs at once. */
  PROVISIONING_CONCURRENCY: positiveInt(4),
  /** How often an instance looks for provisioning jobs to queue again (backed off, or lost sends). */
  PROVISIONING_SWEEP_SECONDS: z.coerce.number().positive().default(5),
  /** How often the status sync runs, once for all instances; 0: only when POST /api/cron/sync queues it. */
  STATUS_SYNC_EVERY_SECONDS: nonNegative(900),
  /** How long a provisioning job's lease holds without renewal (a crashed worker's job is taken over after it). */
  PROVISIONING_LEASE_MS: positiveInt(30_000),
  /** How long a held account call slot survives its holder (AccountSlot). */
  ACCOUNT_SLOT_LEASE_MS: positiveInt(30_000),
  /** Runs in a row that end on transient Twilio errors before a job stops as FAILED. */
  PROVISIONING_MAX_RETRIES_LATER: positiveInt(8),
  /** The first "retry later" delay; doubled each time, to an hour at most. */
  PROVISIONING_RETRY_LATER_MS: nonNegative(60_000),
  /** When the job engine gives a provisioning run up for dead (the lease keeps runs apart). */
  PROVISIONING_JOB_EXPIRE_SECONDS: z.coerce
    .number()
    .positive()
    .default(15 * 60),
  /** pg-boss's maintenance interval. */
  JOB_MAINTENANCE_SECONDS: z.coerce.number().positive().default(60),
  /** How often pg-boss's workers look for jobs. */
  JOB_POLL_SECONDS: z.coerce.number().positive().default(1),
};
export const tuningSchema = z.object(tuningShape);
export type Tuning = z.infer<typeof tuningSchema>;

export const envSchema = z
  .object({
    ...tuningShape,
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string({ error: "is required (for example file:./data/portal.db)" })
      .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql:// (PostgreSQL)"),
    AUTH_SECRET: z
      .string({ error: "is required: generate one with `openssl rand -base64 32`" })
      .min(32, "must be at least 32 characters: generate one with `openssl rand -base64 32`"),
    APP_URL: z
      .url({ error: "must be the portal's public URL, such as http://localhost:3000" })
      .default("http://localhost:3000"),
    SMTP_URL: optionalString.pipe(
      z
        .string()
        .regex(/^smtps?:\/\//, "must look like smtp://user:pass@host:587")
        .optional(),
    ),
    MAIL_FROM: z.string().default("Onboarding Portal <no-reply@localhost>"),
    MAIL_OUTBOX_DIR: optionalString,
    INVITATION_TTL_DAYS: positiveInt(7),
    PASSWORD_RESET_TTL_MINUTES: positiveInt(60),
    SIGN_IN_MAX_FAILURES_PER_ACCOUNT: positiveInt(5),
    SIGN_IN_MAX_FAILURES_PER_IP: positiveInt(20),
    SIGN_IN_MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES: positiveInt(50),
    SIGN_IN_WINDOW_MINUTES: positiveInt(15),
    PASSWORD_RESET_MAX_PER_ACCOUNT: positiveInt(3),
    PASSWORD_RESET_MAX_PER_IP: positiveInt(10),
    // Reminders (#29 line 3): the first after this many hours without a change, then twice as
    // long each time, at most REMINDER_MAX per occasion.
    REMINDER_WAIT_HOURS: positiveInt(72),
    REMINDER_MAX: positiveInt(3),
    // The staff's daily digest of customers stuck past their stage's usual wait: from this hour (UTC).
    STAFF_DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(8),
    // The ISV API: requests per minute for each API key (#28), counted in the database.
    API_KEY_REQUESTS_PER_MINUTE: positiveInt(600),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    TWILIO_ACCOUNT_SID: optionalString.pipe(
      z
        .string()
        .regex(/^AC[0-9a-fA-F]{32}$/, "must be an Account SID: AC followed by 32 hex digits")
        .optional(),
    ),
    TWILIO_AUTH_TOKEN: optionalString,
    TWILIO_SANDBOX_URL: optionalString.pipe(z.url("must be a URL such as http://127.0.0.1:4010").optional()),
    // Brands registered with Twilio's `Mock` flag (seed 003): for trying the flow on live Twilio.
    TWILIO_MOCK_BRANDS: z
      .enum(["true", "false", ""], { message: "must be true or false" })
      .default("false")
      .transform((value) => value === "true"),
    CRON_SECRET: optionalString.pipe(z.string().min(24, "must be at least 24 characters").optional()),
    // Several instances behind one load balancer must share it: a server action's form rendered by
    // one instance is posted to another (Next.js encrypts action ids and closures with it).
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: optionalString.pipe(
      z
        .string()
        .refine(
          (value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && [16, 24, 32].includes(Buffer.from(value, "base64").length),
          "must be an AES key in base64 (16, 24 or 32 bytes): generate one with `openssl rand -base64 32`",
        )
        .optional(),
    ),
    DATA_ENCRYPTION_KEYS: optionalString.superRefine((value, ctx) => {
      if (!value) return;
      try {
        parseDataKeys(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `is not a valid key list: ${(error as Error).message}` });
      }
    }),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.AUTH_SECRET === EXAMPLE_AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is still the example value from .env.example: set a secret of your own in production",
      });
    }
    if (env.NODE_ENV === "production" && !isSecureOrigin(env.APP_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["APP_URL"],
        message: "must use https in production (session cookies are sent only over https); only localhost may use http",
      });
    }
    if (env.NODE_ENV === "production" && !env.DATA_ENCRYPTION_KEYS) {
      ctx.addIssue({
        code: "custom",
        path: ["DATA_ENCRYPTION_KEYS"],
        message:
          'is required in production: personal data is encrypted with it. Generate one: echo "k1:$(openssl rand -base64 32)"',
      });
    }
    if (env.NODE_ENV === "production" && env.MAIL_OUTBOX_DIR) {
      ctx.addIssue({
        code: "custom",
        path: ["MAIL_OUTBOX_DIR"],
        message: "must not be set in production: it writes every email, sign-in links included, to disk. Use SMTP_URL",
      });
    }
    if (env.TWILIO_ACCOUNT_SID && !env.TWILIO_AUTH_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["TWILIO_AUTH_TOKEN"],
        message: "is required when TWILIO_ACCOUNT_SID is set",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** https, or plain http on this machine only (browsers treat localhost as a secure context). */
export function isSecureOrigin(appUrl: string): boolean {
  const url = new URL(appUrl);
  return url.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

/** Session cookies carry `Secure` whenever the portal is served over https. */
export function sessionCookiesSecure(appUrl: string): boolean {
  return new URL(appUrl).protocol === "https:";
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment, the portal cannot start:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

// `NAME=` in a .env file means "not set".
const withoutEmpty = (source: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""));

/** The tuning variables alone (tuning.ts); throws an EnvError naming each bad one. */
export function parseTuning(source: Record<string, string | undefined>): Tuning {
  const result = tuningSchema.safeParse(withoutEmpty(source));
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
}

/** Parses an environment; throws an EnvError whose lines each name the variable at fault. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = withoutEmpty(source);
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "environment";
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    const message = missing && issue.message.startsWith("Invalid input") ? "is required" : issue.message;
    return `${name} ${message}`;
  });
  throw new EnvError(problems);
}
