import "server-only";

import { parseEnv, type Env } from "./env-schema";

let cached: Env | undefined;

/** The validated environment. Parsed on first use; instrumentation.ts forces that at start-up. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
