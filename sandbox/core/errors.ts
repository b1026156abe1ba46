import { isKnownErrorCode, type TwilioErrorCode } from "./error-codes";

/**
 * An error answered the way Twilio answers it: `{code, message, more_info, status}`, with a code
 * from the checked-in table of Twilio's codes (core/error-codes.ts).
 */
export class TwilioError extends Error {
  constructor(
    readonly status: number,
    readonly code: TwilioErrorCode,
    message: string,
  ) {
    super(message);
    if (!isKnownErrorCode(code)) throw new Error(`The sandbox raised error code ${code}, not in core/error-codes.ts`);
  }

  toJSON() {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
  }
}

export const unauthorized = () => new TwilioError(401, 20003, "Authenticate");
export const notFound = (path: string) => new TwilioError(404, 20404, `The requested resource ${path} was not found`);
export const methodNotAllowed = (method: string) => new TwilioError(405, 20004, `Method not allowed: ${method}`);
export const missingParameter = (name: string) =>
  new TwilioError(400, 20001, `Missing required parameter ${name} in the post body`);
export const invalidParameter = (name: string, why: string) =>
  new TwilioError(400, 20001, `Invalid parameter ${name}: ${why}`);
/** Twilio's permission error: the account may not do this (HTTP 403). */
export const permissionDenied = (message: string) => new TwilioError(403, 20003, message);
export const tooManyRequests = () => new TwilioError(429, 20429, "Too Many Requests");
