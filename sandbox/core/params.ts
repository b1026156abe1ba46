import { invalidParameter, missingParameter } from "./errors";
import { single, type Params } from "./form";
import { isSid } from "./sid";

/** Reading Twilio parameters with Twilio's errors. */
export function required(params: Params, name: string): string {
  const value = single(params, name);
  if (value === undefined || value === "") throw missingParameter(name);
  return value;
}

export function requiredSid(params: Params, name: string, prefix?: string): string {
  const value = required(params, name);
  if (!isSid(value, prefix)) throw invalidParameter(name, `must match ^${prefix ?? "[a-zA-Z]{2}"}[0-9a-fA-F]{32}$`);
  return value;
}

export function optionalUrl(params: Params, name: string): string | undefined {
  const value = single(params, name);
  if (value === undefined || value === "") return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error();
  } catch {
    throw invalidParameter(name, `'${value}' is not a valid http(s) URL`);
  }
  return value;
}

export function oneOf<T extends string>(params: Params, name: string, allowed: readonly T[]): T | undefined {
  const value = single(params, name);
  if (value === undefined || value === "") return undefined;
  if (!allowed.includes(value as T)) throw invalidParameter(name, `'${value}' is not one of ${allowed.join(", ")}`);
  return value as T;
}
