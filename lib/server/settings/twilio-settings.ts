import "server-only";

import { audit } from "../audit/audit";
import { db } from "../db";
import { twilioAccount, twilioMode } from "../twilio/client";
import { fetchBundle } from "../twilio/trust-hub";

/** Saves the ISV's Twilio settings after checking at Twilio that the primary profile is approved. */
export async function saveTwilioSettings(
  input: { notificationEmail: string; primaryCustomerProfileSid: string; publicBaseUrl: string },
  adminId: string,
): Promise<{ ok: true } | { ok: false; field: string; message: string }> {
  // Twilio signs its webhooks, but over http: anyone on the way reads and can replay them. A live
  // production portal takes only an https address (#26 line 8); the local sandbox may call http.
  if (plainHttpRefused(input.publicBaseUrl, process.env.NODE_ENV === "production", twilioMode() === "live"))
    return {
      ok: false,
      field: "publicBaseUrl",
      message:
        "Twilio must reach a live portal over https: enter its https address, like https://portal.your-company.com.",
    };
  try {
    const profile = await fetchBundle(twilioAccount(), "customer-profile", input.primaryCustomerProfileSid);
    if (profile.status !== "twilio-approved") {
      return {
        ok: false,
        field: "primaryCustomerProfileSid",
        message: `This profile's status is ${profile.status}: the primary profile must be twilio-approved.`,
      };
    }
  } catch (error) {
    const status = (error as { status?: number }).status;
    return {
      ok: false,
      field: "primaryCustomerProfileSid",
      message:
        status === 404
          ? "Twilio has no Customer Profile with this SID in your account."
          : `Twilio could not be reached to check this profile (${(error as Error).message}).`,
    };
  }
  await db.isvSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
  await audit(db, {
    actorUserId: adminId,
    action: "settings.twilio_updated",
    targetType: "IsvSettings",
    targetId: "1",
    metadata: { primaryCustomerProfileSid: input.primaryCustomerProfileSid },
  });
  return { ok: true };
}

export async function twilioSettings() {
  const row = await db.isvSettings.findUnique({ where: { id: 1 } });
  return {
    notificationEmail: row?.notificationEmail ?? "",
    primaryCustomerProfileSid: row?.primaryCustomerProfileSid ?? "",
    publicBaseUrl: row?.publicBaseUrl ?? "",
  };
}

/** An http: public address, for a production portal that talks to live Twilio. */
export function plainHttpRefused(publicBaseUrl: string, production: boolean, live: boolean): boolean {
  return new URL(publicBaseUrl).protocol === "http:" && production && live;
}
