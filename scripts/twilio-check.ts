import { loadLocalEnv } from "./load-env";

/**
 * `npm run twilio:check`: checks the ISV's Twilio setup with read-only calls (no fee can be
 * charged) and prints what is ready and what is missing. Exit code 0 when ready, 1 otherwise.
 */
loadLocalEnv();

async function main() {
  const { env } = await import("../lib/server/env");
  const { db } = await import("../lib/server/db");
  const { readOnlyTwilioAccount } = await import("../lib/server/twilio/read-only-client");
  const { checkTwilioSetup, formatSetupReport } = await import("../lib/server/operations/twilio-setup-check");
  const settings = env();
  if (!settings.TWILIO_ACCOUNT_SID || !settings.TWILIO_AUTH_TOKEN) {
    console.error("Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (in .env or the environment) first.");
    return 1;
  }
  const isv = await db.isvSettings.findUnique({ where: { id: 1 } }).catch(() => null);
  const account = readOnlyTwilioAccount(
    { accountSid: settings.TWILIO_ACCOUNT_SID, authToken: settings.TWILIO_AUTH_TOKEN },
    settings.TWILIO_SANDBOX_URL ?? null,
  );
  const report = await checkTwilioSetup(account, {
    accountSid: settings.TWILIO_ACCOUNT_SID,
    primaryCustomerProfileSid: isv?.primaryCustomerProfileSid ?? null,
    publicBaseUrl: isv?.publicBaseUrl ?? null,
    live: !settings.TWILIO_SANDBOX_URL,
  });
  console.info(
    formatSetupReport(report, settings.TWILIO_SANDBOX_URL ? `sandbox at ${settings.TWILIO_SANDBOX_URL}` : "live"),
  );
  return report.ready ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[twilio:check] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
