import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";


/**
 * The SDK's own HTTP client with one change: every request goes to the local Twilio sandbox,
 * keeping the path and query string (Twilio's three API hosts never share a path). Kept free of
 * `server-only` so the sandbox's contract tests use exactly this class.
 */
export class SandboxRequestClient extends twilio.RequestClient {
  constructor(
    private readonly sandboxUrl: string,
    options: { timeoutMs?: number } = {},
  ) {
    super({ timeout: options.timeoutMs ?? 30_000 });
  }

  request<TData>(options: RequestClient.RequestOptions<TData>) {
    const target = new URL(options.uri);
    const base = new URL(this.sandboxUrl);
    target.protocol = base.protocol;
    target.host = base.host;
    return super.request<TData>({ ...options, uri: target.toString() });
  }
}
