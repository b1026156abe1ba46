import type { ActionResult } from "../action-result";

/**
 * What a form's server action hands back to the page that rendered the form, with or without
 * JavaScript: the result, and what the user typed (secrets left out) so that a page rendered
 * after a plain HTML post shows the same values again.
 */
export type FormState<T = undefined> =
  (ActionResult<T> & { values?: Record<string, string>; choices?: Record<string, string[]> }) | null;

/**
 * A posted form as a plain object: React's own `$ACTION_…` fields dropped, repeated names kept as
 * lists. Only strings: a file field in a form of ours is never expected.
 */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const existing = object[key];
    if (existing === undefined) object[key] = value;
    else object[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return object;
}

/**
 * What was ticked in each group of checkboxes (a name posted once or more), so a form shown again
 * after an error keeps the user's choices instead of its defaults.
 */
export function echoableChoices(input: Record<string, string | string[]>): Record<string, string[]> {
  const choices: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(input)) {
    if (/password/i.test(key)) continue;
    // A script may post anything (null, numbers, objects): only texts are choices.
    const texts = (Array.isArray(value) ? value : [value]).filter(
      (item): item is string => typeof item === "string" && item.length <= 1000,
    );
    if (texts.length) choices[key] = texts;
  }
  return choices;
}

/** The posted values worth showing again: single strings, never a field whose name says password. */
export function echoableValues(input: Record<string, string | string[]>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === "string" && !/password/i.test(key) && value.length <= 1000) values[key] = value;
  }
  return values;
}
