/** An error answered the way Twilio answers it: `{code, message, more_info, status}`. */
export class TwilioError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
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
export const tooManyRequests = () => new TwilioError(429, 20429, "Too Many Requests");
