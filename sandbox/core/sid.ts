import { randomBytes } from "node:crypto";

/** Twilio SIDs: a two-letter prefix and 32 lowercase hex digits. */
export type SidPrefix =
  | "AC"
  | "BU"
  | "IT"
  | "RD"
  | "AD"
  | "BV"
  | "EL"
  | "RA"
  | "BN"
  | "MG"
  | "QE"
  | "PN"
  | "RN"
  | "VT"
  | "DG"
  | "DF"
  | "CM"
  | "HH";

export function newSid(prefix: SidPrefix): string {
  return prefix + randomBytes(16).toString("hex");
}

export function isSid(value: unknown, prefix?: string): value is string {
  return typeof value === "string" && /^[A-Z]{2}[0-9a-fA-F]{32}$/.test(value) && (!prefix || value.startsWith(prefix));
}
