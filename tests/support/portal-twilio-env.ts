import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

/** The portal's own Twilio settings aimed at a test sandbox (before the portal's environment is first read). */
export function aimPortalAtSandbox(sandboxUrl: string): void {
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: DEFAULT_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: DEFAULT_AUTH_TOKEN,
    TWILIO_SANDBOX_URL: sandboxUrl,
  });
}
