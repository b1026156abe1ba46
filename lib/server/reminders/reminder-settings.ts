import "server-only";

import { audit } from "../audit/audit";
import { db } from "../db";

/** Staff turn a customer's reminders off (they asked not to be chased) or back on. */
export async function setRemindersOff(organizationId: string, off: boolean, staffUserId: string): Promise<boolean> {
  const changed = await db.organization.updateMany({ where: { id: organizationId }, data: { remindersOff: off } });
  if (changed.count === 0) return false;
  await audit(db, {
    actorUserId: staffUserId,
    action: off ? "reminders.turned_off" : "reminders.turned_on",
    targetType: "Organization",
    targetId: organizationId,
    organizationId,
  });
  return true;
}
