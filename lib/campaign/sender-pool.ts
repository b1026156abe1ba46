import type { SenderNumberView } from "@/lib/campaign/views";

/**
 * A Messaging Service's sender pool holds at most 400 numbers and short codes by default (Twilio's
 * error 21714, "sender pool full"; live-twilio.md §4).
 */
export const MAX_SENDERS_PER_SERVICE = 400;

/** A number's registration as Twilio's number events last reported it (null: no news yet). */
export type NumberRegistration = { status: string | null; failureReason: string | null };

/**
 * Where a number stands for A2P, per number, from Twilio's number-registration events (each number
 * of the service registers on its own once the campaign is verified: a2p-event-streams-setup.md,
 * live-twilio.md §9): "registered" only once Twilio said so for this number; "failed" with its
 * reason; "registering" while Twilio registers it (or the campaign is verified and no news came
 * yet); "deregistering" as it leaves; "waiting" for the campaign before that. Pure.
 */
export function senderA2pState(
  inPool: boolean,
  campaignStatus: string | null,
  registration: NumberRegistration | null = null,
): SenderNumberView["a2p"] {
  if (!inPool) return "not-in-pool";
  switch (registration?.status?.toLowerCase()) {
    case "registered":
      return "registered";
    case "failure":
      return "failed";
    case "pending_deregistration":
      return "deregistering";
    case "pending_registration":
      return "registering";
  }
  return campaignStatus?.toUpperCase() === "VERIFIED" ? "registering" : "waiting";
}

export const SENDER_STATE_LABEL: Record<SenderNumberView["a2p"], string> = {
  registered: "Registered for A2P",
  registering: "Registering for A2P",
  failed: "Registration failed",
  deregistering: "Leaving the campaign",
  waiting: "Waiting for the campaign",
  "not-in-pool": "Not a sender",
};

/**
 * A failed registration's reason in words: Twilio's events give it as a link to the error's page
 * ("https://www.twilio.com/docs/api/errors/30126"), or as text.
 */
export function registrationFailureText(reason: string | null): string | null {
  if (!reason) return null;
  const code = /\/errors\/(\d+)/.exec(reason)?.[1];
  return code ? `Twilio error ${code}` : reason;
}
