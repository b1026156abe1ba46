import type { TwilioProblem } from "@/lib/dashboard/status-views";

import type { FailureGroup } from "./evaluation-failures";

/**
 * What a customer's own answers carry of Twilio's findings: the code, our plain explanation and the
 * field to fix, never Twilio's raw text (it can quote internal policy wording, other bundles' SIDs
 * or values the ISV did not intend to show). Staff get the raw text. Pure.
 */
export function customerSafeProblems(problems: TwilioProblem[]): TwilioProblem[] {
  // The explanation becomes the words shown, once (not again beneath itself).
  return problems.map((problem) => ({ ...problem, description: problem.explanation, explanation: "" }));
}

export function customerSafeGroups(groups: FailureGroup[]): FailureGroup[] {
  return groups.map((group) => ({
    ...group,
    message: null,
    items: group.items.map((item) => ({ ...item, message: item.explanation, explanation: "" })),
  }));
}
