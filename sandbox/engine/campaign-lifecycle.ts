import { randomBytes } from "node:crypto";

import type { StoredResource } from "../core/store";
import { campaignEvent } from "../events/a2p-events";
import type { Engine } from "./engine";
import { registerServiceNumbers } from "./number-registration";

/**
 * An A2P campaign's life (UsAppToPerson), as Twilio's Sole Proprietor walkthrough §5.1 and the
 * Messaging OpenAPI's examples give it: a new (or re-vetted) campaign is PENDING until TCR starts
 * reviewing it, then IN_PROGRESS, then VERIFIED or FAILED, decided `campaignSeconds` after it was
 * sent; rarely SUSPENDED (control API). Each documented change sends its event; once VERIFIED, each
 * number of the Messaging Service registers on its own (number-registration.ts).
 */

/** Starts vetting: PENDING now, IN_PROGRESS after a third of the vetting time, decided at its end. */
export function startVetting(engine: Engine, campaign: StoredResource): void {
  const now = engine.now();
  engine.store.update(campaign, { campaign_status: "PENDING", errors: [], vetting_since: now }, now);
  engine.deliveries.publish(campaign, campaignEvent(campaign, now), now);
  engine.schedule(campaign.sid, engine.delays.campaignSeconds / 3, "IN_PROGRESS");
}

export function campaignStep(engine: Engine, campaign: StoredResource, step: string): void {
  const now = engine.now();
  if (step === "decide") {
    // Documented triggers (sandbox/README.md): "Fail" in the description fails the vetting on the
    // description (30886); "Fail" in the message flow on the opt-in (30896, "Opt-in error").
    const f = campaign.fields;
    if (/fail/i.test(String(f.description))) return campaignStep(engine, campaign, "FAILED");
    if (/fail/i.test(String(f.message_flow))) return campaignStep(engine, campaign, "FAILED-opt-in");
    return campaignStep(engine, campaign, "VERIFIED");
  }
  if (step === "IN_PROGRESS") {
    engine.store.update(campaign, { campaign_status: "IN_PROGRESS" }, now);
    const since = typeof campaign.fields.vetting_since === "number" ? campaign.fields.vetting_since : now;
    engine.scheduleAt(campaign.sid, Math.max(now, since + engine.delays.campaignSeconds * 1000), "decide");
    return;
  }
  if (step === "VERIFIED") {
    engine.store.update(
      campaign,
      {
        campaign_status: "VERIFIED",
        campaign_id: campaign.fields.campaign_id ?? `C${randomBytes(3).toString("hex").toUpperCase()}`,
        errors: [],
      },
      now,
    );
  } else if (step === "FAILED" || step === "FAILED-opt-in") {
    const error =
      step === "FAILED"
        ? {
            error_code: 30886,
            description: "The campaign description is unclear or does not match the brand and the sample messages.",
            fields: ["DESCRIPTION"],
          }
        : {
            error_code: 30896,
            description: "Opt-in error: the message flow does not show how people consent to these messages.",
            fields: ["MESSAGE_FLOW"],
          };
    engine.store.update(
      campaign,
      {
        campaign_status: "FAILED",
        errors: [{ ...error, url: `https://www.twilio.com/docs/errors/${error.error_code}` }],
      },
      now,
    );
  } else if (step === "SUSPENDED") {
    engine.store.update(campaign, { campaign_status: "SUSPENDED" }, now);
    return;
  } else if (step === "PENDING") {
    return startVetting(engine, campaign);
  } else return;
  engine.deliveries.publish(campaign, campaignEvent(campaign, engine.now()), engine.now());
  if (campaign.fields.campaign_status === "VERIFIED") registerServiceNumbers(engine, campaign);
}
