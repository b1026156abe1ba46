"use server";

import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";

import { fail, ok } from "@/lib/action-result";
import { acceptInvitationSchema, forgotPasswordSchema, resetPasswordSchema, signInSchema } from "@/lib/auth/schema";

import { audit } from "../audit/audit";
import { RateLimitedError, signIn, SignInBusyError, signOut } from "../auth/auth";
import { safeCallbackPath } from "../auth/callback-path";
import { clientIp } from "../auth/client-ip";
import { getCurrentUser, type CurrentUser } from "../auth/guards";
import { passwordSlotFree } from "../auth/password-slots";
import { homePathFor } from "../auth/policy";
import { describeRetryAfter } from "../auth/rate-limit";
import { endEverySession } from "../auth/user-sessions";
import { db } from "../db";
import { env } from "../env";
import { acceptInvitation } from "../invitations/accept-invitation";
import { requestPasswordReset, resetPassword } from "../passwords/password-reset";
import { defineFormAction } from "./define-action";

const anyone = async () => null;

export const signInWithPassword = defineFormAction(
  anyone,
  signInSchema.extend({ callbackUrl: z.string().optional() }),
  async ({ email, password, callbackUrl }) => {
    // A flood from one address is answered here, before Auth.js and the database are involved.
    if (!passwordSlotFree(clientIp(await headers()))) return fail(new SignInBusyError().userMessage);
    try {
      await signIn("credentials", { email, password, redirect: false });
    } catch (error) {
      if (error instanceof RateLimitedError) return fail(error.userMessage, { email: [error.userMessage] });
      if (error instanceof SignInBusyError) return fail(error.userMessage);
      if (error instanceof CredentialsSignin) return fail("The email or password is not correct.");
      throw error;
    }
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { role: true } });
    redirect(safeCallbackPath(callbackUrl, env().APP_URL) ?? homePathFor(user));
  },
);

/** Ends this browser's session, here and at the server (Auth.js's signOut event ends its row). */
export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await auditSignOut(user, "auth.sign_out");
  await signOut({ redirectTo: "/sign-in" });
}

/** Ends every session of the caller, on every device (a lost laptop, a shared computer). */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) {
    await db.$transaction((tx) => endEverySession(tx, user.id));
    await auditSignOut(user, "auth.sign_out_everywhere");
  }
  await signOut({ redirectTo: "/sign-in" });
}

async function auditSignOut(user: CurrentUser, action: string) {
  await audit(db, {
    actorUserId: user.id,
    action,
    targetType: "User",
    targetId: user.id,
    organizationId: user.organizationId,
  });
}

export const acceptInvitationAction = defineFormAction(
  anyone,
  acceptInvitationSchema,
  async ({ token, name, password }) => {
    const outcome = await acceptInvitation({ token, name, password });
    if (!outcome.ok) return fail(outcome.message);
    await signIn("credentials", { email: outcome.user.email, password, redirect: false });
    redirect(homePathFor(outcome.user));
  },
);

export const requestPasswordResetAction = defineFormAction(anyone, forgotPasswordSchema, async ({ email }) => {
  const outcome = await requestPasswordReset(email, clientIp(await headers()));
  if (outcome.limited)
    return fail(
      `Too many reset requests from your network. Try again in ${describeRetryAfter(outcome.retryAfterSeconds)}.`,
    );
  // The same answer whether or not the address has an account.
  return ok({ message: "If an account uses that address, we have emailed it a link to reset the password." });
});

export const resetPasswordAction = defineFormAction(anyone, resetPasswordSchema, async ({ token, password }) => {
  const outcome = await resetPassword(token, password);
  if (!outcome.ok) return fail(outcome.message);
  redirect("/sign-in?reset=done");
});
