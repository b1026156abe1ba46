import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";

/** One Twilio HTTP exchange, as the audit log records it: no bodies, no query strings. */
export type TwilioCallRecord = {
  method: string;
  path: string;
  status: number | null;
  code: number | null;
  durationMs: number;
};

/** How long a Twilio request may take before the portal gives up on its answer. */
export const TWILIO_REQUEST_TIMEOUT_MS = 30_000;

/**
 * The SDK's own HTTP client, optionally aimed at the local sandbox (every request goes there,
 * keeping the path and query string: Twilio's three API hosts never share a path) and optionally
 * reporting each call. Kept free of `server-only` so the sandbox's tests use exactly this class.
 */
export class TwilioHttpClient extends twilio.RequestClient {
  constructor(
    private readonly sandboxUrl: string | null,
    private readonly options: { timeoutMs?: number; onCall?: (call: TwilioCallRecord) => void } = {},
  ) {
    super({ timeout: options.timeoutMs ?? TWILIO_REQUEST_TIMEOUT_MS });
  }

  async request<TData>(requestOptions: RequestClient.RequestOptions<TData>) {
    const target = new URL(requestOptions.uri);
    if (this.sandboxUrl) {
      const base = new URL(this.sandboxUrl);
      target.protocol = base.protocol;
      target.host = base.host;
    }
    const started = Date.now();
    const report = (status: number | null, code: number | null) =>
      this.options.onCall?.({
        method: requestOptions.method.toUpperCase(),
        path: new URL(requestOptions.uri).pathname,
        status,
        code,
        durationMs: Date.now() - started,
      });
    try {
      const response = await super.request<TData>({ ...requestOptions, uri: target.toString() });
      const body = typeof response.body === "string" ? safeJson(response.body) : response.body;
      report(
        response.statusCode,
        response.statusCode >= 400 ? ((body as { code?: number } | null)?.code ?? null) : null,
      );
      return response;
    } catch (error) {
      report(null, null);
      throw error;
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
