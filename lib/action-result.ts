/**
 * What every server action returns: data, or errors to show next to the fields they concern.
 * Shared by server and client; never carries secrets.
 */
export type FieldErrors = Record<string, string[]>;

export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; formError?: string };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(
  formError: string,
  fieldErrors: FieldErrors = {},
): { ok: false; fieldErrors: FieldErrors; formError?: string } {
  return { ok: false, fieldErrors, formError };
}

export function fieldError(field: string, message: string): { ok: false; fieldErrors: FieldErrors } {
  return { ok: false, fieldErrors: { [field]: [message] } };
}
