import "server-only";

/**
 * A request body read only up to `maxBytes`: a declared Content-Length past it is refused before a
 * byte is read, and a body that streams past it (no length, or a false one) is cut off there. An
 * anonymous caller can then cost the server at most `maxBytes` of memory and reading, whatever it
 * sends (#26: a 3 MB batch stalled the whole server for 6.5 s).
 */
export type BoundedBody = { ok: true; text: string } | { ok: false; status: 413 };

export async function readBoundedText(request: Request, maxBytes: number): Promise<BoundedBody> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(request);
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, status: 413 };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}

/** The unread body is left to the runtime to drop; nothing of it is buffered here. */
function tooLarge(request: Request): BoundedBody {
  void request.body?.cancel().catch(() => undefined);
  return { ok: false, status: 413 };
}

/**
 * Twilio's limits, with a margin: an Event Streams webhook batch is at most 64 kB (the webhook
 * sink's `batch_events`, "batch limit 64 kB", live-twilio.md §3 [ESS]), and a Trust Hub status callback is a short form. What is
 * past these was not sent by Twilio.
 */
export const EVENT_BATCH_MAX_BYTES = 256 * 1024;
export const STATUS_CALLBACK_MAX_BYTES = 64 * 1024;

/** Auth.js's own forms (an email, a password, a CSRF token, a callback URL). */
export const AUTH_FORM_MAX_BYTES = 16 * 1024;
