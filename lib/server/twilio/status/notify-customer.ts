import "server-only";
import { db } from "../../db";
import { absoluteUrl, sendMail } from "../../mail/send-mail";

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
  if ((step === "customer-profile" || step === "trust-product") && status === "twilio-rejected") {
    return {
      subject: "Twilio could not approve your business profile",
      lines: [
        "Twilio reviewed your business profile and could not approve it.",
        "Open your home page to see what to fix:",
      ],
    };
  }
  return null;
}

/** Emails every user of the organization when a Twilio status asks them to act (SMTP, outbox or dev log). */
export async function notifyCustomerToAct(organizationId: string, step: string, status: string): Promise<void> {
  const message = messageFor(step, status);
  if (!message) return;
  const [organization, customers] = await Promise.all([
    db.organization.findUnique({ where: { id: organizationId }, select: { name: true } }),
    db.user.findMany({ where: { organizationId, role: "CUSTOMER" }, select: { email: true } }),
  ]);
  await Promise.all(
    customers.map((customer) =>
      sendMail({
        to: customer.email,
        subject: message.subject,
        text: [
          `Messaging registration for ${organization?.name ?? "your business"}.`,
          "",
          ...message.lines,
          absoluteUrl("/home"),
        ].join("\n"),
      }),
    ),
  );
}
