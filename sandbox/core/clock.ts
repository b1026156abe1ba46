/**
 * The sandbox's clock: real time plus an offset that `POST /__sandbox/advance {seconds}` moves
 * forward, so tests and demos can jump over Twilio's review delays.
 */
export class Clock {
  constructor(public offsetMs = 0) {}

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}

/** Trust Hub and Messaging v1 dates: ISO 8601 without milliseconds. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Api v2010 dates: RFC 2822, as in "Tue, 18 Aug 2015 17:07:30 +0000". */
export function rfc2822Date(ms: number): string {
  return new Date(ms).toUTCString().replace("GMT", "+0000");
}
