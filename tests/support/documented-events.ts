import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { SHARED } from "./seed-samples";

/**
 * Twilio's example payloads for the A2P events (../shared/twilio-docs/a2p-event-streams-setup.md,
 * "Read the Payloads"), read from the page itself so that they stay Twilio's words. Twilio's
 * examples have JSON typos (a stray `}` in brand-failure, a missing `{` in brand-unverified, a
 * trailing comma in campaign-approved): only those brackets and that comma are fixed, and only where
 * the example does not parse as it is.
 */
export const DOCUMENTED_EVENTS_PAGE = path.join(SHARED, "twilio-docs", "a2p-event-streams-setup.md");
export const haveDocumentedEvents = existsSync(DOCUMENTED_EVENTS_PAGE);
if (!haveDocumentedEvents && process.env.CI === "true")
  throw new Error(`${DOCUMENTED_EVENTS_PAGE} is missing: the contract tests cannot run.`);

export type CloudEvent = { type: string; data: Record<string, unknown> } & Record<string, unknown>;

/** The example under a heading: its JSON code block, with the documented typos fixed. */
export function documentedPayload(heading: string): CloudEvent {
  const text = readFileSync(DOCUMENTED_EVENTS_PAGE, "utf8");
  const at = text.indexOf(`${heading}\n`);
  if (at < 0) throw new Error(`no "${heading}" in ${DOCUMENTED_EVENTS_PAGE}`);
  const start = text.indexOf("```json\n", at) + "```json\n".length;
  const json = text.slice(start, text.indexOf("```", start)).trim();
  const fixes = [
    (raw: string) => raw,
    (raw: string) => raw.replace(/^\[(\s*)"/, '[{$1"'),
    (raw: string) => raw.replace(/}(\s*)}(\s*)\]$/, "}$1]"),
    (raw: string) => raw.replace(/,(\s*)}/g, "$1}"),
  ];
  for (const fix of fixes) {
    try {
      const parsed = JSON.parse(fix(json)) as CloudEvent | CloudEvent[];
      return Array.isArray(parsed) ? parsed[0]! : parsed;
    } catch {
      // the next fix
    }
  }
  throw new Error(`the example under "${heading}" does not parse`);
}

/** Each key of an event's data with its JSON type, sorted: what "exactly the documented keys and types" compares. */
export function shapeOf(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data)
      .map(([key, value]) => [key, Array.isArray(value) ? "array" : value === null ? "null" : typeof value])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
}
