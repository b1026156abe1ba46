import { randomBytes } from "node:crypto";

import type { StoredResource } from "../core/store";
import { campaignEvent } from "../events/a2p-events";
import type { Engine } from "./engine";

/** An A2P campaign's life (UsAppToPerson): vetted, then VERIFIED or FAILED, with an event for each change. */

export function campaignStep(engine: Engine, campaign: StoredResource, step: string): void {
  const now = engine.now();
  if (step === "decide") {
    // Documented trigger: a description containing "Fail" fails the campaign.
    return campaignStep(engine, campaign, /fail/i.test(String(campaign.fields.description)) ? "FAILED" : "VERIFIED");
  }
  if (step === "VERIFIED")
    engine.store.update(
      campaign,
      {
        campaign_status: "VERIFIED",
        campaign_id: campaign.fields.campaign_id ?? `C${randomBytes(3).toString("hex").toUpperCase()}`,
        errors: [],
      },
      now,
    );
  else if (step === "FAILED") {
    engine.store.update(
      campaign,
      {
        campaign_status: "FAILED",
        errors: [
          {
            error_code: 30896,
            description: "The campaign's description or message samples do not match the use case.",
            fields: ["description", "message_samples"],
          },
        ],
      },
      now,
    );
  } else if (step === "IN_PROGRESS") engine.store.update(campaign, { campaign_status: "IN_PROGRESS" }, now);
  else return;
  engine.deliveries.publish(campaign, campaignEvent(campaign, engine.now()), engine.now());
}
