/**
 * The events the portal sends to the ISV's endpoints (#28 line 4), each with what it means. Shared
 * by the admin's endpoint form and the server that emits them.
 */
export const WEBHOOK_EVENT_TYPES = {
  "application.submitted": "The customer sent the application for review.",
  "application.changes_requested": "Staff, or Twilio's findings, sent the application back to the customer.",
  "application.approved": "Staff approved the application; registration at Twilio starts.",
  "brand.approved": "The brand is approved and its identity verified: ready for campaigns.",
  "brand.failed": "The brand registration failed; the customer must fix and resubmit.",
  "brand.verification_needed": "The brand waits for the customer: a code by SMS or an Authentication+ email.",
  "campaign.verified": "The A2P campaign is verified: the customer can send.",
  "campaign.failed": "The A2P campaign failed; the customer must fix and resubmit.",
  "number.registered": "A phone number is registered to the customer's campaign.",
  "customer.action_needed": "Something waits for the customer (an email was sent to them).",
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;
export const WEBHOOK_EVENT_TYPE_NAMES = Object.keys(WEBHOOK_EVENT_TYPES) as WebhookEventType[];
