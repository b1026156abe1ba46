import type { StoredResource } from "../core/store";
import { numberEvent, type NumberRegistrationChange } from "../events/a2p-events";
import type { Engine } from "./engine";

/**
 * Each number of a Messaging Service registers for A2P on its own once the service's campaign is
 * VERIFIED, and deregisters when it leaves the pool (Twilio's Event Streams guide: "After this, the
 * system adds all numbers to the number pool of the Messaging service for that Campaign";
 * live-twilio.md §9 "Numbers"): *pending*, then *successful* or *failed*, each an event. A number
 * registers successfully unless the control API says `registration-failed` while it is pending (and
 * deregisters unless it says `deregistration-failed`).
 * Kept on the IncomingPhoneNumber as `a2p_registration` (not part of Twilio's resource).
 */
const REGISTRATION_SECONDS = 5;

type Registration = {
  state: "pending_registration" | "registered" | "failure" | "pending_deregistration" | "unregistered";
  campaignSid: string | null;
  serviceSid: string;
};

const registrationOf = (number: StoredResource) => number.fields.a2p_registration as Registration | undefined;

/** The campaign (its CM… registration SID) of a service, if VERIFIED. */
function verifiedCampaignOf(engine: Engine, serviceSid: string): StoredResource | undefined {
  return engine.store.list(
    "Usa2p",
    (campaign) => campaign.parentSid === serviceSid && campaign.fields.campaign_status === "VERIFIED",
  )[0];
}

function publish(engine: Engine, number: StoredResource, change: NumberRegistrationChange): void {
  engine.deliveries.publish(number, numberEvent(number, change, engine.now()), engine.now());
}

/** Registers one number under its service's verified campaign: pending now, decided a little later. */
export function registerNumber(engine: Engine, number: StoredResource, serviceSid: string): void {
  const campaign = verifiedCampaignOf(engine, serviceSid);
  if (!campaign) return;
  const campaignSid = String(campaign.fields.campaign_registration_sid);
  const registration: Registration = { state: "pending_registration", campaignSid, serviceSid };
  engine.store.update(number, { a2p_registration: registration }, engine.now());
  publish(engine, number, { kind: "registration", outcome: "pending", campaignSid, messagingServiceSid: serviceSid });
  engine.schedule(number.sid, REGISTRATION_SECONDS, "registered");
}

/** Every number in a newly verified campaign's service. */
export function registerServiceNumbers(engine: Engine, campaign: StoredResource): void {
  const serviceSid = String(campaign.parentSid);
  for (const number of engine.store.list(
    "IncomingPhoneNumber",
    (candidate) => candidate.fields.messaging_service_sid === serviceSid,
  ))
    registerNumber(engine, number, serviceSid);
}

/** A number leaving the pool of a service it was registered in: deregistration pending, then done. */
export function deregisterNumber(engine: Engine, number: StoredResource): void {
  const registration = registrationOf(number);
  if (!registration || registration.state === "unregistered" || registration.state === "failure") return;
  engine.store.update(number, { a2p_registration: { ...registration, state: "pending_deregistration" } }, engine.now());
  publish(engine, number, {
    kind: "deregistration",
    outcome: "pending",
    campaignSid: registration.campaignSid,
    messagingServiceSid: registration.serviceSid,
  });
  engine.schedule(number.sid, REGISTRATION_SECONDS, "unregistered");
}

export function numberStep(engine: Engine, number: StoredResource, step: string): void {
  const registration = registrationOf(number);
  if (!registration) return;
  const base = { campaignSid: registration.campaignSid, messagingServiceSid: registration.serviceSid };
  if (registration.state === "pending_registration" && (step === "registered" || step === "registration-failed")) {
    const failed = step === "registration-failed";
    engine.store.update(
      number,
      { a2p_registration: { ...registration, state: failed ? "failure" : "registered" } },
      engine.now(),
    );
    publish(engine, number, { kind: "registration", outcome: failed ? "failed" : "successful", ...base });
  } else if (
    registration.state === "pending_deregistration" &&
    (step === "unregistered" || step === "deregistration-failed")
  ) {
    const failed = step === "deregistration-failed";
    engine.store.update(
      number,
      { a2p_registration: { ...registration, state: failed ? "failure" : "unregistered" } },
      engine.now(),
    );
    publish(engine, number, { kind: "deregistration", outcome: failed ? "failed" : "successful", ...base });
  }
}
