import "server-only";

import { z } from "zod";

import { weakPasswordReason } from "@/lib/auth/password-strength";
import { emailField, newPasswordField, personNameField } from "@/lib/forms/fields";

import { audit } from "../audit/audit";
import { hashPassword } from "../auth/password";
import { db } from "../db";

export const createAdminSchema = z
  .object({ email: emailField, name: personNameField, password: newPasswordField })
  .superRefine((input, ctx) => {
    const weak = weakPasswordReason(input.password, input.email);
    if (weak) ctx.addIssue({ code: "custom", path: ["password"], message: weak });
  });

export type CreateAdminOutcome = { ok: true; userId: string; email: string } | { ok: false; problems: string[] };

/**
 * The first administrator of a production deployment (the demo seed never runs there), or another
 * one later: `npm run admin:create`. Refuses weak passwords and an address that already has an account.
 */
export async function createAdmin(input: {
  email: string;
  name: string;
  password: string;
}): Promise<CreateAdminOutcome> {
  const parsed = createAdminSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) };
  const { email, name, password } = parsed.data;
  if (await db.user.findUnique({ where: { email } }))
    return {
      ok: false,
      problems: [`email: ${email} already has an account (use "Forgot your password?" to set a new password).`],
    };
  const user = await db.user.create({
    data: { email, name, role: "ADMIN", passwordHash: await hashPassword(password) },
  });
  await audit(db, { actorUserId: null, action: "user.admin_created_from_cli", targetType: "User", targetId: user.id });
  return { ok: true, userId: user.id, email };
}
