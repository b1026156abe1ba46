import "server-only";

import type { EmailKind } from "@/lib/email-texts/kinds";

import { db } from "../db";
import { composeMail } from "../email-texts/email-texts";
import { enqueueMail } from "../jobs/enqueue";
import { absoluteUrl } from "../mail/send-mail";
import { emitWebhookEvent } from "../webhooks/emit-event";

/**
 * The portal's one way to tell a customer something: an email to every customer user of the
 * organization (a mail job: SMTP, the outbox or the dev log), with a link into the portal at `path`. The body
 * opens with the organization's name; `lines` say what happened and what to do. The ISV's endpoints
 * get `customer.action_needed` for each, unless it is news only.
 */
export async function emailCustomerUsers(
  organizationId: string,
  message: {
    /** Which of the administrator's email texts wraps it (#28 line 5). */
    kind: EmailKind;
    subject: string;
    lines: (organizationName: string) => string[];
    path: string;
    /** News only (a verified campaign): the ISV's endpoints are not told the customer must act. */
    informational?: boolean;
  },
): Promise<void> {
  const [organization, customers] = await Promise.all([
    db.organization.findUnique({ where: { id: organizationId }, select: { name: true } }),
    db.user.findMany({ where: { organizationId, role: "CUSTOMER" }, select: { email: true } }),
  ]);
  const name = organization?.name ?? "your business";
  const mail = await composeMail(message.kind, {
    subject: message.subject,
    details: message.lines(name),
    link: absoluteUrl(message.path),
    organization: name,
  });
  await Promise.all(customers.map((customer) => enqueueMail({ to: customer.email, ...mail })));
  // Every such email asks the customer to act: the ISV's product hears it too (#28 line 4).
  if (!message.informational)
    await emitWebhookEvent("customer.action_needed", organizationId, {
      message: { subject: message.subject, path: message.path },
    });
}
