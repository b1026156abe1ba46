import "server-only";

import { DIGEST_LISTED, digestDay, digestText } from "@/lib/reminders/staff-digest";

import { audit } from "../audit/audit";
import { db } from "../db";
import { env } from "../env";
import { insertedFirst } from "../inserted-first";
import { enqueueMail } from "../jobs/enqueue";
import { absoluteUrl } from "../mail/send-mail";

/**
 * Once a day, from STAFF_DIGEST_HOUR_UTC, every staff member gets one email listing the customers
 * stuck past their stage's usual wait (the dashboard's `dueAt`), none when nobody is. The day's row
 * is inserted first: its key is the claim, so one digest a day whatever instances run at once.
 * Returns how many customers it listed (0: not due, already sent, or nobody stuck).
 */
export async function sendStaffDigest(now = new Date()): Promise<number> {
  const day = digestDay(now, env().STAFF_DIGEST_HOUR_UTC);
  if (!day || (await db.staffDigest.findUnique({ where: { day } }))) return 0;
  const where = { dueAt: { lt: now } };
  const [total, stuck] = await Promise.all([
    db.onboardingApplication.count({ where }),
    db.onboardingApplication.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: DIGEST_LISTED,
      select: {
        displayName: true,
        stage: true,
        stageSince: true,
        dueAt: true,
        organization: { select: { name: true } },
      },
    }),
  ]);
  const claimed = await insertedFirst(db.staffDigest.create({ data: { day, customers: total } }));
  if (!claimed || total === 0) return 0;
  const staff = await db.user.findMany({ where: { role: { in: ["STAFF", "ADMIN"] } }, select: { email: true } });
  const text = digestText(
    stuck.map((row) => ({
      name: row.displayName || row.organization.name,
      stage: row.stage,
      stageSince: row.stageSince,
      dueAt: row.dueAt!,
    })),
    total,
    absoluteUrl("/staff?stage=attention&sort=waiting"),
    now,
  ).join("\n");
  await Promise.all(
    staff.map((member) =>
      enqueueMail({
        to: member.email,
        subject: `${total} customer${total === 1 ? "" : "s"} stuck past the usual wait`,
        text,
      }),
    ),
  );
  await audit(db, {
    action: "staff.digest_sent",
    targetType: "StaffDigest",
    targetId: day,
    metadata: { customers: total },
  });
  return total;
}
