import "server-only";

import { emailCustomerUsers } from "../notifications/email-customer-users";

/** The statuses after which the customer has something to do, and what we tell them. */
function messageFor(
  step: string,
  status: string,
): { subject: string; lines: string[]; path?: string; informational?: boolean } | null {
  if (step === "brand" && (status === "FAILED" || status === "SUSPENDED")) {
    return {
      subject: "Your brand registration needs your attention",
      lines: [
        ...(status === "FAILED"
          ? [
              "The Campaign Registry could not register your brand.",
              "Open your home page to see the reasons and which details to check:",
            ]
          : [
              "The carriers suspended your brand registration. Nothing needs changing in your application:",
              "your provider is working with Twilio Support on it. What this means, on your home page:",
            ]),
      ],
    };
  }
  // READY: APPROVED with a verified identity (brand/readiness.ts), not APPROVED alone.
  if (step === "brand" && status === "READY")
    return {
      subject: "Your brand is approved: describe your messages",
      lines: [
        "Your brand is registered with The Campaign Registry.",
        "The last step is your A2P campaign: what you send, how people opt in, and sample messages.",
        "Fill it in here:",
      ],
      path: "/campaign",
    };
  if (step === "campaign" && status === "VERIFIED")
    return {
      subject: "Your messaging campaign is verified",
      lines: ["Your A2P campaign is verified: your numbers can send messages under it.", "See the details here:"],
      informational: true,
    };
  if (step === "campaign" && status === "SUSPENDED")
    return {
      subject: "Your messaging campaign was suspended",
      lines: ["Carriers suspended your A2P campaign; messages under it are blocked.", "We are looking into it:"],
    };
  // A rejected bundle reopens the application, which emails the customer (reopen-on-rejection.ts),
  // and so does a failed campaign (reopen-failed-campaign.ts).
  return null;
}

/** Emails every user of the organization when a Twilio status asks them to act. */
export async function notifyCustomerToAct(organizationId: string, step: string, status: string): Promise<void> {
  const message = messageFor(step, status);
  if (!message) return;
  await emailCustomerUsers(organizationId, {
    kind: step === "campaign" ? "campaign_news" : status === "READY" ? "brand_approved" : "brand_attention",
    subject: message.subject,
    lines: (name) => [`Messaging registration for ${name}.`, "", ...message.lines],
    path: message.path ?? "/home",
    informational: message.informational,
  });
}
