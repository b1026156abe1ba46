import "server-only";

import { A2P_EVENT_TYPES } from "@/lib/trusthub/a2p-events";
import { POLICY } from "@/lib/trusthub/payloads";

import type { TwilioAccount } from "../twilio/account";
import { fetchAccount } from "../twilio/accounts";
import { listBrands } from "../twilio/brands";
import { listSinks, listSubscriptionSids } from "../twilio/event-streams";
import { fetchBundle, listPolicySids } from "../twilio/trust-hub";

export type CheckLine = { ok: boolean; what: string; detail: string };
export type SetupReport = { ready: boolean; lines: CheckLine[] };

/**
 * What `npm run twilio:check` looks at, with read-only calls only (no fee can be charged): the
 * account, Trust Hub's policies, the ISV's primary Customer Profile and its status, the brands, and
 * the Event Streams sinks that bring brand and campaign events to the portal. Each line says what is
 * ready or what is missing, in words an ISV can act on.
 */
export async function checkTwilioSetup(
  account: TwilioAccount,
  setup: { accountSid: string; primaryCustomerProfileSid: string | null; publicBaseUrl: string | null; live: boolean },
): Promise<SetupReport> {
  const lines: CheckLine[] = [];
  const check = async (what: string, run: () => Promise<Omit<CheckLine, "what">>) => {
    try {
      lines.push({ what, ...(await run()) });
    } catch (error) {
      const e = error as { status?: number; code?: number; message?: string };
      const detail =
        e.status === 401 || e.code === 20003
          ? "Twilio refused these credentials (20003): check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN."
          : `Twilio answered ${e.status ?? "nothing"}${e.code ? ` (${e.code})` : ""}: ${e.message ?? String(error)}`;
      lines.push({ what, ok: false, detail });
    }
  };

  await check("Account", async () => {
    const info = await fetchAccount(account, setup.accountSid);
    if (info.status !== "active") return { ok: false, detail: `${info.sid} is ${info.status}, not active.` };
    if (info.type === "Trial")
      return { ok: false, detail: `${info.sid} is a trial account: upgrade it before registering brands.` };
    return { ok: true, detail: `${info.friendlyName} (${info.sid}), active.` };
  });

  await check("Trust Hub policies", async () => {
    const sids = new Set(await listPolicySids(account));
    const missing = Object.entries(POLICY).filter(([, sid]) => !sids.has(sid));
    return missing.length
      ? {
          ok: false,
          detail: `Not offered to this account: ${missing.map(([name, sid]) => `${name} (${sid})`).join(", ")}.`,
        }
      : { ok: true, detail: "Secondary Customer Profile, A2P messaging profile and SHAKEN/STIR policies available." };
  });

  await check("Primary Customer Profile", async () => {
    if (!setup.primaryCustomerProfileSid)
      return {
        ok: false,
        detail:
          "Not set: create and get approved a Primary Customer Profile in the Twilio Console, then enter its SID in Settings.",
      };
    const profile = await fetchBundle(account, "customer-profile", setup.primaryCustomerProfileSid);
    return profile.status === "twilio-approved"
      ? { ok: true, detail: `${profile.sid} is twilio-approved.` }
      : {
          ok: false,
          detail: `${profile.sid} is ${profile.status}: Twilio must approve it before customers are provisioned.`,
        };
  });

  await check("Brands", async () => {
    const brands = await listBrands(account);
    const byStatus = new Map<string, number>();
    for (const brand of brands) byStatus.set(brand.status, (byStatus.get(brand.status) ?? 0) + 1);
    const summary = [...byStatus].map(([status, count]) => `${count} ${status}`).join(", ");
    return { ok: true, detail: brands.length ? `${brands.length} in this account: ${summary}.` : "None yet." };
  });

  await check("Public URL", async () => {
    if (!setup.publicBaseUrl)
      return { ok: false, detail: "Not set in Settings: Twilio cannot send status callbacks or events to the portal." };
    const url = new URL(setup.publicBaseUrl);
    if (setup.live && (url.protocol !== "https:" || ["localhost", "127.0.0.1"].includes(url.hostname)))
      return {
        ok: false,
        detail: `${setup.publicBaseUrl} cannot be reached by Twilio: use the portal's public https address.`,
      };
    return { ok: true, detail: `Callbacks go to ${new URL("/api/twilio/status-callback", url)}.` };
  });

  await check("Event Streams", async () => {
    if (!setup.publicBaseUrl) return { ok: false, detail: "Needs the public URL (above)." };
    const destination = new URL("/api/twilio/events", setup.publicBaseUrl).toString();
    const sinks = (await listSinks(account)).filter((sink) => sink.destination === destination);
    if (!sinks.length)
      return {
        ok: true,
        detail: `No sink to ${destination} yet: the portal creates it (and its subscription) with the first provisioning in this account.`,
      };
    const subscriptions = await listSubscriptionSids(account, sinks[0]!.sid);
    if (!subscriptions.length)
      return { ok: false, detail: `Sink ${sinks[0]!.sid} has no subscription: the next provisioning adds it.` };
    return {
      ok: true,
      detail: `Sink ${sinks[0]!.sid} (${sinks[0]!.status}) with subscription ${subscriptions[0]!} to ${A2P_EVENT_TYPES.length} A2P event types.`,
    };
  });

  return { ready: lines.every((line) => line.ok), lines };
}

/** The report as plain text, one line a check. */
export function formatSetupReport(report: SetupReport, mode: string): string {
  return [
    `Twilio setup (${mode}), read-only calls only:`,
    ...report.lines.map((line) => `  ${line.ok ? "ready  " : "MISSING"}  ${line.what}: ${line.detail}`),
    report.ready ? "Ready to provision customers." : "Not ready: fix the lines marked MISSING.",
  ].join("\n");
}
