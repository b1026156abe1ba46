import { createHmac } from "node:crypto";

/**
 * X-Twilio-Signature exactly as Twilio computes it for form-encoded webhooks: HMAC-SHA1 with the
 * account's auth token over the full URL followed by each parameter name and value, names sorted,
 * base64-encoded. `twilio.validateRequest` accepts it.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, key) => text + key + params[key], url);
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf8")).digest("base64");
}
