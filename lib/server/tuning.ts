import { parseTuning, type Tuning } from "./env-schema";

/**
 * The job engine's and provisioning's tuning (env-schema.ts), validated. Read from the environment
 * on each call rather than once: tests change a value between runs in one process, and a parse of
 * eleven numbers costs microseconds next to the database write each reader makes.
 */
export function tuning(): Tuning {
  return parseTuning(process.env);
}
