"use server";

import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";

import { fail, ok } from "@/lib/action-result";
import { acceptInvitationSchema, forgotPasswordSchema, resetPasswordSchema, signInSchema } from "@/lib/auth/schema";

import { RateLimitedError, signIn, signOut } from "../auth/auth";
import { safeCallbackPath } from "../auth/callback-path";
import { clientIp } from "../auth/client-ip";
import { homePathFor } from "../auth/policy";
import { describeRetryAfter } from "../auth/rate-limit";
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
    try {
      await signIn("credentials", { email, password, redirect: false });
    } catch (error) {
      if (error instanceof RateLimitedError) return fail(error.userMessage, { email: [error.userMessage] });
      if (error instanceof CredentialsSignin) return fail("The email or password is not correct.");
      throw error;
    }
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { role: true } });
    redirect(safeCallbackPath(callbackUrl, env().APP_URL) ?? homePathFor(user));
  },
);

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
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
