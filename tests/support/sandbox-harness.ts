import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";

import { TwilioHttpClient } from "@/lib/server/twilio/http-client";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";
import { startSandbox, type RunningSandbox, type SandboxServerOptions } from "@/sandbox/server";

/** A fresh in-memory sandbox on a free port, the real SDK pointed at it, and its control API. */
export async function startTestSandbox(options: SandboxServerOptions = {}) {
  const running = await startSandbox({ port: 0, stateFile: null, controlApi: true, tickMs: 50, ...options });
  const client = (
    accountSid = DEFAULT_ACCOUNT_SID,
    authToken = DEFAULT_AUTH_TOKEN,
    httpClient: RequestClient = new TwilioHttpClient(running.url),
  ) => twilio(accountSid, authToken, { httpClient });
  const control = async (method: "GET" | "POST", path: string, body?: unknown) => {
    const response = await fetch(`${running.url}/__sandbox/${path}`, {
      method,
      headers: body ? { "Content-Type": "application/json" } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & { accounts?: SandboxAccount[] },
    };
  };
  return { ...running, client, control };
}

export type SandboxAccount = {
  sid: string;
  parentSid: string | null;
  resources: Record<string, Record<string, unknown>[]>;
  fees: { type: string; resourceSid: string }[];
};

export type TestSandbox = Awaited<ReturnType<typeof startTestSandbox>>;
export type { RunningSandbox };

/** Raw HTTP exchanges seen by a recording client. */
export type Exchange = { method: string; url: URL; status: number; body: unknown; params: Record<string, unknown> };

/**
 * The SDK's client aimed at the sandbox that also records every exchange and, before sending,
 * lets the caller rewrite the request (the contract tests swap the seeds' placeholder SIDs for
 * SIDs that exist).
 */
export class RecordingClient extends TwilioHttpClient {
  readonly exchanges: Exchange[] = [];

  constructor(
    sandboxUrl: string,
    private readonly rewrite: (options: RequestClient.RequestOptions) => RequestClient.RequestOptions = (o) => o,
    /** Paces brand and campaign creation to Twilio's one per second, counted from the previous answer (decision 0019). */
    private readonly pace = false,
  ) {
    super(sandboxUrl);
  }

  private lastPaced = 0;

  async request<TData>(options: RequestClient.RequestOptions<TData>) {
    const rewritten = this.rewrite(options as RequestClient.RequestOptions) as RequestClient.RequestOptions<TData>;
    const pathname = new URL(rewritten.uri).pathname;
    const paced =
      this.pace &&
      rewritten.method.toUpperCase() === "POST" &&
      /^\/v1\/(a2p\/BrandRegistrations|Services\/[^/]+\/Compliance\/Usa2p)$/.test(pathname);
    if (paced) {
      const wait = this.lastPaced + 1100 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const response = await super.request<TData>(rewritten).finally(() => {
      if (paced) this.lastPaced = Date.now();
    });
    this.exchanges.push({
      method: rewritten.method.toUpperCase(),
      url: new URL(rewritten.uri),
      status: response.statusCode,
      body: typeof response.body === "string" && response.body ? JSON.parse(response.body) : response.body,
      params: { ...(rewritten.data as Record<string, unknown> | undefined) },
    });
    return response;
  }
}
