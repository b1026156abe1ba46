import type { SenderNumberView } from "@/lib/campaign/views";

/**
 * A Messaging Service's sender pool holds at most 400 numbers and short codes by default (Twilio's
 * error 21714, "sender pool full"; live-twilio.md §4).
 */
export const MAX_SENDERS_PER_SERVICE = 400;

/**
 * Where a number stands for A2P: a number in the pool is registered under the service's campaign
 * once the campaign is VERIFIED, and waits for it before (each number registers on its own once
 * the campaign is, live-twilio.md §7). Pure.
 */
export function senderA2pState(inPool: boolean, campaignStatus: string | null): SenderNumberView["a2p"] {
  if (!inPool) return "not-in-pool";
  return campaignStatus?.toUpperCase() === "VERIFIED" ? "registered" : "waiting";
}

export const SENDER_STATE_LABEL: Record<SenderNumberView["a2p"], string> = {
  registered: "Registered for A2P",
  waiting: "Waiting for the campaign",
  "not-in-pool": "Not a sender",
};
