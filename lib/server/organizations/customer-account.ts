import "server-only";

import { audit } from "../audit/audit";
import { db } from "../db";
import { env } from "../env";
import { sealAuthToken } from "../twilio/account-credentials";
import { createSubaccount, fetchAccount } from "../twilio/accounts";
import { twilioAccount } from "../twilio/client";

export type AccountOutcome = { ok: true; accountSid: string | null } | { ok: false; field?: string; message: string };

/**
 * Which Twilio account holds a customer's resources: a new subaccount (Accounts API), an existing
 * subaccount of the ISV, or the ISV's own account. Fixed once provisioning has created anything.
 */
export async function setCustomerAccount(
  input: { organizationId: string } & ({ mode: "create" } | { mode: "existing"; accountSid: string } | { mode: "isv" }),
  adminId: string,
): Promise<AccountOutcome> {
  const organization = await db.organization.findUnique({
    where: { id: input.organizationId },
    include: { applications: { select: { id: true } } },
  });
  if (!organization) return { ok: false, message: "This customer no longer exists." };
  const provisioned = await db.twilioResource.count({
    where: { applicationId: { in: organization.applications.map((a) => a.id) } },
  });
  if (provisioned)
    return {
      ok: false,
      message: "Resources already exist at Twilio for this customer: its account can no longer change.",
    };

  let accountSid: string | null = null;
  let authToken: string | null = null;
  try {
    if (input.mode === "create") {
      const account = await createSubaccount(twilioAccount(), organization.name);
      accountSid = account.sid;
      authToken = account.authToken;
    } else if (input.mode === "existing") {
      const account = await fetchAccount(twilioAccount(), input.accountSid);
      if (account.ownerAccountSid !== env().TWILIO_ACCOUNT_SID || account.sid === env().TWILIO_ACCOUNT_SID) {
        return { ok: false, field: "accountSid", message: "This account is not a subaccount of your ISV account." };
      }
      accountSid = account.sid;
      authToken = account.authToken;
    }
  } catch (error) {
    const status = (error as { status?: number }).status;
    return {
      ok: false,
      field: input.mode === "existing" ? "accountSid" : undefined,
      message:
        status === 404 ? "Twilio has no such account under yours." : `Twilio refused: ${(error as Error).message}`,
    };
  }
  // The subaccount's own token, encrypted under the data keys: Trust Hub and Messaging act in a
  // subaccount only with its own credentials, and Twilio signs its webhooks with it (decision 0010).
  const twilioAuthTokenEncrypted = authToken ? sealAuthToken(authToken, organization.id) : null;
  // A subaccount is one customer's: its numbers, profiles and webhooks are that customer's alone.
  // The unique index holds it across instances; this read only gives the clear message first.
  const holder = accountSid
    ? await db.organization.findFirst({
        where: { twilioAccountSid: accountSid, id: { not: organization.id } },
        select: { name: true },
      })
    : null;
  if (holder) return { ok: false, field: "accountSid", message: subaccountTaken(holder.name) };
  try {
    await db.organization.update({
      where: { id: organization.id },
      data: { twilioAccountSid: accountSid, twilioAuthTokenEncrypted },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, field: "accountSid", message: subaccountTaken("another customer") };
    throw error;
  }
  await audit(db, {
    actorUserId: adminId,
    action: "organization.twilio_account_set",
    targetType: "Organization",
    targetId: organization.id,
    organizationId: organization.id,
    metadata: { mode: input.mode, accountSid },
  });
  return { ok: true, accountSid };
}

const subaccountTaken = (holder: string) =>
  `This subaccount already belongs to ${holder}. A subaccount holds one customer's numbers and registrations: create a new one for this customer.`;
