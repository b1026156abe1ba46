import "server-only";

import { audit } from "../audit/audit";
import { db } from "../db";
import { accountBySid } from "../twilio/client";
import { fetchPhoneNumber } from "../twilio/phone-numbers";
import { forgetAccountNumbers } from "./account-numbers";
import { NOT_YOUR_NUMBER, numberHomeOf, ownsNumber } from "./number-ownership";

type Outcome = { ok: true } | { ok: false; message: string };

/**
 * Staff give a number of the ISV's own account to a customer who has no subaccount (#26 line 1).
 * A number belongs to one organization: the row's primary key and the "still unassigned" condition
 * hold that across instances, so two staff assigning one number at once give it to one customer.
 */
export async function assignNumber(organizationId: string, phoneNumberSid: string, staffId: string): Promise<Outcome> {
  const home = await numberHomeOf(organizationId);
  if (!home) return { ok: false, message: "This customer no longer exists." };
  if (home.subaccount)
    return {
      ok: false,
      message: "This customer has its own subaccount: every number in it is theirs. Buy a number into it instead.",
    };
  let phoneNumber: string;
  try {
    phoneNumber = (await fetchPhoneNumber(await accountBySid(home.accountSid), phoneNumberSid)).phoneNumber;
  } catch (error) {
    if ((error as { status?: number }).status === 404)
      return { ok: false, message: "This number is not in your account." };
    throw error;
  }
  const given = await db
    .$transaction(async (tx) => {
      const row = await tx.phoneNumber.findUnique({ where: { phoneNumberSid } });
      if (row?.organizationId && row.organizationId !== organizationId) return false;
      if (!row)
        await tx.phoneNumber.create({
          data: {
            phoneNumberSid,
            accountSid: home.accountSid,
            phoneNumber,
            organizationId,
            origin: "assigned",
            assignedById: staffId,
          },
        });
      else {
        const taken = await tx.phoneNumber.updateMany({
          where: { phoneNumberSid, OR: [{ organizationId: null }, { organizationId }] },
          data: { organizationId, assignedById: staffId, assignedAt: new Date() },
        });
        if (taken.count !== 1) return false;
      }
      await audit(tx, {
        actorUserId: staffId,
        action: "phone_number.assigned",
        targetType: "Organization",
        targetId: organizationId,
        organizationId,
        metadata: { phoneNumberSid },
      });
      return true;
    })
    .catch((error: unknown) => {
      // Another instance created the row a moment ago: the number is someone's now.
      if ((error as { code?: string }).code === "P2002") return false;
      throw error;
    });
  forgetAccountNumbers(home.accountSid);
  return given ? { ok: true } : { ok: false, message: "This number already belongs to another customer." };
}

/** Staff take a number back into the ISV's stock, once no registration of the customer uses it. */
export async function unassignNumber(
  organizationId: string,
  phoneNumberSid: string,
  staffId: string,
): Promise<Outcome> {
  if (!(await ownsNumber(organizationId, phoneNumberSid))) return { ok: false, message: NOT_YOUR_NUMBER };
  const ids = await db.onboardingApplication.findMany({ where: { organizationId }, select: { id: true } });
  const applications = { applicationId: { in: ids.map((application) => application.id) } };
  const [sending, calling] = await Promise.all([
    db.senderNumber.count({ where: { phoneNumberSid, ...applications } }),
    db.shakenStirNumber.count({ where: { phoneNumberSid, ...applications } }),
  ]);
  if (sending || calling)
    return {
      ok: false,
      message: "This number is in the customer's sender pool or SHAKEN/STIR registration: take it out there first.",
    };
  const released = await db.phoneNumber.updateMany({
    where: { phoneNumberSid, organizationId, origin: "assigned" },
    data: { organizationId: null, assignedById: staffId, assignedAt: new Date() },
  });
  if (released.count !== 1)
    return {
      ok: false,
      message: "Only a number staff assigned can be taken back; a bought number stays the customer's.",
    };
  await audit(db, {
    actorUserId: staffId,
    action: "phone_number.unassigned",
    targetType: "Organization",
    targetId: organizationId,
    organizationId,
    metadata: { phoneNumberSid },
  });
  return { ok: true };
}
