import type { TwilioErrorCode } from "./core/error-codes";
import { TwilioError } from "./core/errors";

/**
 * Injected failures (POST /__sandbox/faults): the next `times` requests matching method and path
 * fail with a status, hang until the client gives up ("timeout"), or lose their connection
 * ("reset"); those are not carried out. "timeout-after" and "reset-after" carry the request out
 * and then lose the answer, as when a network drops after Twilio acted. A path ending in "*"
 * matches by prefix.
 */
export type FaultStatus = number | "timeout" | "reset" | "timeout-after" | "reset-after";
export type Fault = { method: string; path: string; status: FaultStatus; times: number };
export const FAULT_WORDS = ["timeout", "reset", "timeout-after", "reset-after"] as const;

export function takeFault(faults: Fault[], method: string, pathname: string): Fault | null {
  const fault = faults.find(
    (candidate) =>
      candidate.times > 0 &&
      candidate.method.toUpperCase() === method &&
      (candidate.path.endsWith("*") ? pathname.startsWith(candidate.path.slice(0, -1)) : candidate.path === pathname),
  );
  if (!fault) return null;
  fault.times -= 1;
  if (fault.times === 0) faults.splice(faults.indexOf(fault), 1);
  return fault;
}

const MESSAGES: Record<number, [TwilioErrorCode, string]> = {
  400: [20001, "Injected fault: invalid parameter"],
  429: [20429, "Too Many Requests"],
  500: [20500, "Internal Server Error"],
  502: [20502, "Bad Gateway"],
  503: [20503, "Service Unavailable"],
};

export function faultError(status: number): TwilioError {
  const [code, message] = MESSAGES[status] ?? [20500, "Injected fault"];
  return new TwilioError(status, code, message);
}
