import type { EvaluationResult } from "./evaluation-fields";

/**
 * A SHAKEN/STIR Trust Product's failed evaluation, placed next to what to fix: a phone number the
 * failure names (by its PN SID or its number, in a channel-endpoint requirement or the message),
 * or the Secondary Customer Profile it builds on. Twilio publishes no list of SHAKEN/STIR
 * requirement names, so any shape is read: each failed requirement and each invalid entry.
 */
export type ShakenStirProblem = {
  /** The number's PN SID, or null for the profile / the trust product as a whole. */
  phoneNumberSid: string | null;
  message: string;
  code: number | null;
};

export function shakenStirProblems(
  results: EvaluationResult[],
  numbers: { phoneNumberSid: string; phoneNumber: string }[],
): ShakenStirProblem[] {
  const problems: ShakenStirProblem[] = [];
  const numberNamed = (text: string) =>
    numbers.find((number) => text.includes(number.phoneNumberSid) || text.includes(number.phoneNumber)) ?? null;
  for (const result of results) {
    if (result.passed) continue;
    const entries = (result.invalid ?? []).filter((entry) => entry.failure_reason);
    const messages = entries.length
      ? entries.map((entry) => ({ text: entry.failure_reason!, code: entry.error_code ?? result.error_code }))
      : [
          {
            text: result.failure_reason ?? `The requirement ${result.requirement_name} is not met.`,
            code: result.error_code,
          },
        ];
    for (const { text, code } of messages) {
      const number = numberNamed(text);
      const onProfile = /customer.profile/i.test(`${result.requirement_name} ${result.object_type ?? ""}`);
      problems.push({
        phoneNumberSid: number?.phoneNumberSid ?? null,
        message: onProfile && !number ? `Secondary Customer Profile: ${text}` : text,
        code: code ?? null,
      });
    }
  }
  return problems;
}
