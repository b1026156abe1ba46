import "server-only";
import { db } from "../db";
import { absoluteUrl, sendMail } from "../mail/send-mail";

/** Tells every staff member that an application waits for review (SMTP, outbox or dev log). */
export async function notifyStaffOfSubmission(organizationName: string, applicationId: string): Promise<void> {
  const staff = await db.user.findMany({ where: { role: { in: ["STAFF", "ADMIN"] } }, select: { email: true } });
  const application = await db.onboardingApplication.findUniqueOrThrow({
    where: { id: applicationId },
    select: { organizationId: true },
  });
  const link = absoluteUrl(`/staff/customers/${application.organizationId}`);
  await Promise.all(
    staff.map((member) =>
      sendMail({
        to: member.email,
        subject: `${organizationName} sent their registration for review`,
        text: [
          `${organizationName} has sent their A2P 10DLC registration for review.`,
          "",
          `Review it here: ${link}`,
        ].join("\n"),
      }),
    ),
  );
}
