import "server-only";

import { db } from "../db";
import { enqueueMail } from "../jobs/enqueue";
import { absoluteUrl } from "../mail/send-mail";

const WHAT = { registration: "registration", campaign: "A2P campaign", tollfree: "toll-free verification" } as const;

/** Tells every staff member that an application (or its campaign) waits for review (a mail job: SMTP, outbox or dev log). */
export async function notifyStaffOfSubmission(
  organizationName: string,
  applicationId: string,
  what: keyof typeof WHAT = "registration",
): Promise<void> {
  const staff = await db.user.findMany({ where: { role: { in: ["STAFF", "ADMIN"] } }, select: { email: true } });
  const application = await db.onboardingApplication.findUniqueOrThrow({
    where: { id: applicationId },
    select: { organizationId: true },
  });
  const link = absoluteUrl(`/staff/customers/${application.organizationId}`);
  await Promise.all(
    staff.map((member) =>
      enqueueMail({
        to: member.email,
        subject: `${organizationName} sent their ${WHAT[what]} for review`,
        text: [
          `${organizationName} has sent their A2P 10DLC ${WHAT[what]} for review.`,
          "",
          `Review it here: ${link}`,
        ].join("\n"),
      }),
    ),
  );
}
