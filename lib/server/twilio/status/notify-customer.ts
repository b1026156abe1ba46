import "server-only";
import { emailCustomerUsers } from "../../notifications/email-customer-users";

/** The statuses after which the customer has something to do, and what we tell them. */
function messageFor(step: string, status: string): { subject: string; lines: string[] } | null {
  if (step === "brand" && (status === "FAILED" || status === "SUSPENDED")) {
    return {
      subject: "Your brand registration needs your attention",
      lines: [
        status === "FAILED"
          ? "The Campaign Registry could not register your brand."
          : "Your brand registration was suspended.",
        "Open your home page to see the reasons and which details to check:",
      ],
    };
  }
  // A rejected bundle reopens the application, which emails the customer (reopen-on-rejection.ts).
  return null;
}

/** Emails every user of the organization when a Twilio status asks them to act. */
export async function notifyCustomerToAct(organizationId: string, step: string, status: string): Promise<void> {
  const message = messageFor(step, status);
  if (!message) return;
  await emailCustomerUsers(organizationId, {
    subject: message.subject,
    lines: (name) => [`Messaging registration for ${name}.`, "", ...message.lines],
    path: "/home",
  });
}
