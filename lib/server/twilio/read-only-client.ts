import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";

import type { TwilioAccount } from "./account";
import { TwilioHttpClient, type TwilioCallRecord } from "./http-client";

/**
 * The SDK's HTTP client that sends GET requests only: `npm run twilio:check` can never create
 * anything at Twilio, so it never costs the ISV a fee, whatever the code above it does.
 */
export class ReadOnlyRequestClient extends TwilioHttpClient {
  constructor(sandboxUrl: string | null, onCall?: (call: TwilioCallRecord) => void) {
    super(sandboxUrl, { timeoutMs: 20_000, ...(onCall ? { onCall } : {}) });
  }

  async request<TData>(options: RequestClient.RequestOptions<TData>) {
    if (options.method.toUpperCase() !== "GET")
      throw new Error(`twilio:check sends read-only requests; refused ${options.method.toUpperCase()} ${options.uri}`);
    return super.request(options);
  }
}

/** An account whose every request is read-only (the setup check's). */
export function readOnlyTwilioAccount(
  credentials: { accountSid: string; authToken: string },
  sandboxUrl: string | null,
  onCall?: (call: TwilioCallRecord) => void,
): TwilioAccount {
  return {
    sid: credentials.accountSid,
    sdk: twilio(credentials.accountSid, credentials.authToken, {
      httpClient: new ReadOnlyRequestClient(sandboxUrl, onCall),
    }),
  };
}
