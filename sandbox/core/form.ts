/** A Twilio request body or query: form-encoded, repeated keys become arrays. */
export type Params = Record<string, string | string[]>;

export function parseForm(text: string): Params {
  const params: Params = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = params[key];
    if (existing === undefined) params[key] = value;
    else params[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return params;
}

export function single(params: Params, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

export function list(params: Params, name: string): string[] {
  const value = params[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The SDK sends booleans as "true"/"false". */
export function bool(params: Params, name: string): boolean | undefined {
  const value = single(params, name);
  if (value === undefined) return undefined;
  return value.toLowerCase() === "true";
}
