import { loadLocalEnv } from "./load-env";

/**
 * `npm run twilio:adopt`: the adoption scan (#28 line 1). Reads the ISV's Twilio account and every
 * subaccount with read-only requests (no fee can be charged, nothing is written at Twilio or in the
 * portal) and prints the customers it found, grouped, with the organization each matches.
 * `--json` prints the whole proposal.
 */
loadLocalEnv();

async function main() {
  const { env } = await import("../lib/server/env");
  const { readOnlyTwilioAccount } = await import("../lib/server/twilio/read-only-client");
  const { scanTwilioAccounts } = await import("../lib/server/adoption/scan");
  const settings = env();
  if (!settings.TWILIO_ACCOUNT_SID || !settings.TWILIO_AUTH_TOKEN) {
    console.error("Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (in .env or the environment) first.");
    return 1;
  }
  const sandboxUrl = settings.TWILIO_SANDBOX_URL ?? null;
  const result = await scanTwilioAccounts(
    readOnlyTwilioAccount(
      { accountSid: settings.TWILIO_ACCOUNT_SID, authToken: settings.TWILIO_AUTH_TOKEN },
      sandboxUrl,
    ),
    (credentials) => readOnlyTwilioAccount(credentials, sandboxUrl),
  );
  if (process.argv.includes("--json")) {
    // Business information and representatives stay in the portal: the JSON leaves them out.
    const customers = result.customers.map((customer) => ({ ...customer, endUsers: undefined }));
    console.info(JSON.stringify({ ...result, customers }, null, 2));
    return 0;
  }
  console.info(`Read ${result.accounts} accounts (${sandboxUrl ? `sandbox at ${sandboxUrl}` : "live"}), read-only.`);
  console.info(`Found ${result.customers.length} customers:`);
  for (const customer of result.customers) {
    const statuses = [
      `profile ${customer.customerProfile.status}`,
      customer.trustProduct ? `A2P ${customer.trustProduct.status}` : "no A2P trust product",
      customer.brand ? `brand ${customer.brand.status}` : "no brand",
      customer.campaign ? `campaign ${customer.campaign.status}` : "no campaign",
      `${customer.phoneNumbers.length} numbers`,
    ].join(", ");
    const match = customer.match ? ` = ${customer.match.name} (by ${customer.match.by})` : " (new)";
    console.info(`- ${customer.name}${match} · ${customer.accountSid} · ${statuses}`);
  }
  console.info("Nothing was changed. Bringing them in (confirm and create) is not available yet.");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[twilio:adopt] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
