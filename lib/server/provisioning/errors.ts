import type { FieldProblem, OtherProblem } from "@/lib/trusthub/evaluation-fields";

/** A Twilio answer worth retrying: rate limited, a server error, or no answer at all. */
export function isTransient(error: unknown): boolean {
  const e = error as { status?: number; code?: string | number; message?: string } | null;
  if (!e) return false;
  if (typeof e.status === "number") return e.status === 429 || e.status >= 500;
  const code = String(e.code ?? "");
  if (
    ["ECONNRESET", "ETIMEDOUT", "ECONNABORTED", "ECONNREFUSED", "EPIPE", "ERR_SOCKET_CONNECTION_TIMEOUT"].includes(code)
  )
    return true;
  return /timeout|socket hang up|network|ECONNRESET/i.test(e.message ?? "");
}

/**
 * This worker no longer holds the job: its lease ran out (a pause, a lost renewal) and another
 * worker may have claimed it. Nothing more may be sent to Twilio, nor the job's state written.
 */
export class LeaseLostError extends Error {
  constructor() {
    super("This worker no longer holds the provisioning job: another worker has it.");
    this.name = "LeaseLostError";
  }
}

/** Twilio refused for good (a 4xx): the step stops with Twilio's code and message kept. */
export class TwilioStepError extends Error {
  constructor(
    readonly step: string,
    readonly code: number | null,
    readonly twilioMessage: string,
    readonly status: number | null,
  ) {
    super(`${step}: Twilio answered ${status ?? "no status"}${code ? ` (${code})` : ""}: ${twilioMessage}`);
  }

  static from(step: string, error: unknown): TwilioStepError {
    if (error instanceof TwilioStepError) return error;
    // Never wrapped: a lost lease must reach the runner as itself, which then writes nothing.
    if (error instanceof LeaseLostError) throw error;
    const e = error as { status?: number; code?: number; message?: string };
    return new TwilioStepError(
      step,
      typeof e?.code === "number" ? e.code : null,
      e?.message ?? String(error),
      typeof e?.status === "number" ? e.status : null,
    );
  }
}

/** A noncompliant evaluation: the application goes back to the customer with these problems. */
export class NeedsCustomerError extends Error {
  constructor(
    readonly bundle: "customer-profile" | "trust-product",
    readonly fields: FieldProblem[],
    readonly other: OtherProblem[],
  ) {
    super(`The ${bundle} evaluation is noncompliant`);
  }
}
