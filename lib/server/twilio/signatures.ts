import "server-only";

import twilio from "twilio";

/**
 * Twilio's request signatures, checked with the SDK's own functions (toolchain.md: X-Twilio-Signature
 * = base64(HMAC-SHA1(auth token, URL + sorted params)); Event Streams sign the URL, whose
 * `bodySHA256` parameter covers the body).
 */

/** A form-encoded callback (Trust Hub status callbacks). */
export const validFormSignature = (
  authToken: string,
  signature: string,
  url: string,
  params: Record<string, string>,
): boolean => twilio.validateRequest(authToken, signature, url, params);

/** A JSON body (Event Streams): the signature covers the URL, and the URL's bodySHA256 the body. */
export const validBodySignature = (authToken: string, signature: string, url: string, rawBody: string): boolean =>
  twilio.validateRequestWithBody(authToken, signature, url, rawBody);
