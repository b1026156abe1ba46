import { request as httpRequest } from "node:http";

import { E2E } from "./e2e-env";

export type RawAnswer = { status: number; ms: number };

/**
 * One HTTP request with Node's own client, timed to the first byte of the answer. A body can be
 * given whole or as `bytes` of filler streamed in 64 kB chunks, with its Content-Length declared
 * or not (chunked). The server may answer before the body is sent, and close the connection: that
 * answer is what counts, and the writes left over are dropped.
 */
export function rawRequest(options: {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  bytes?: number;
  declareLength?: boolean;
  /** The server asked: the browser tests' own by default. */
  baseUrl?: string;
}): Promise<RawAnswer> {
  const url = new URL(options.path, options.baseUrl ?? E2E.baseUrl);
  const started = performance.now();
  return new Promise((resolve) => {
    let answered = false;
    const headers: Record<string, string | number> = { ...options.headers };
    const total = options.body !== undefined ? Buffer.byteLength(options.body) : (options.bytes ?? 0);
    if (options.declareLength !== false && (options.body !== undefined || options.bytes))
      headers["content-length"] = total;
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method, headers },
      (response) => {
        answered = true;
        const status = response.statusCode ?? 0;
        const ms = performance.now() - started;
        response.resume();
        response.on("end", () => resolve({ status, ms }));
        response.on("error", () => resolve({ status, ms }));
      },
    );
    // A connection closed before any answer: status 0, which no case allows.
    req.on("error", () => {
      if (!answered) resolve({ status: 0, ms: performance.now() - started });
    });
    if (options.body !== undefined) req.end(options.body);
    else if (options.bytes) {
      const chunk = Buffer.alloc(64 * 1024, "a");
      let sent = 0;
      const pump = () => {
        while (!answered && sent < total) {
          const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
          sent += piece.length;
          if (!req.write(piece)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    } else req.end();
  });
}

/**
 * Runs `work` while asking /api/health every 25 ms, and says how long the slowest health answer
 * took: what the server's one main thread did for everyone else meanwhile.
 */
export async function withHealthWatch<T>(
  work: () => Promise<T>,
  baseUrl = E2E.baseUrl,
): Promise<{ result: T; healthMs: number }> {
  let running = true;
  let slowest = 0;
  const watch = (async () => {
    while (running) {
      const answer = await rawRequest({ method: "GET", path: "/api/health", baseUrl });
      slowest = Math.max(slowest, answer.ms);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  try {
    const result = await work();
    return { result, healthMs: slowest };
  } finally {
    running = false;
    await watch;
  }
}
