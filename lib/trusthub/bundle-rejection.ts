import { wizardField, type FieldProblem, type OtherProblem } from "./evaluation-fields";

/**
 * Why Twilio rejected a submitted bundle, as problems next to the wizard's fields. Twilio publishes
 * no schema for a bundle's `errors` (OpenAPI: a list of objects) nor for the callback's
 * `FailureReason` (live-twilio.md §2), so every plausible shape is read: `code` / `error_code`,
 * `message` / `description` / `failure_reason`, and `fields` / `object_field` / `invalid[]`.
 * Whatever names no field of the wizard stays a general problem, never dropped.
 */
export function bundleRejectionProblems(
  errors: unknown,
  failureReason: string | null,
): { fields: FieldProblem[]; other: OtherProblem[] } {
  const fields: FieldProblem[] = [];
  const other: OtherProblem[] = [];
  for (const raw of Array.isArray(errors) ? errors : []) {
    if (!raw || typeof raw !== "object") continue;
    const error = raw as Record<string, unknown>;
    const codeValue = error.code ?? error.error_code ?? error.errorCode;
    const code = codeValue !== undefined && Number.isFinite(Number(codeValue)) ? Number(codeValue) : null;
    const message = String(
      error.message ?? error.description ?? error.failure_reason ?? failureReason ?? "Twilio rejected this value.",
    );
    const requirement = String(error.requirement_name ?? error.requirement ?? "");
    const names = [
      ...(Array.isArray(error.fields) ? error.fields : []),
      ...(typeof error.object_field === "string" ? [error.object_field] : []),
      ...(Array.isArray(error.invalid)
        ? error.invalid.map((entry: { object_field?: unknown }) => entry?.object_field)
        : []),
    ].filter((name): name is string => typeof name === "string");
    let placed = false;
    for (const name of names) {
      const field = wizardField(requirement, name);
      if (!field) continue;
      placed = true;
      if (!fields.some((problem) => problem.field === field)) fields.push({ field, message, code, requirement });
    }
    if (!placed) other.push({ message, code, requirement });
  }
  if (!fields.length && !other.length)
    other.push({
      message: failureReason || "Twilio rejected the business profile without giving a reason.",
      code: null,
      requirement: "",
    });
  return { fields, other };
}
