import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { safeCallbackPath } from "@/lib/server/auth/callback-path";
import { getCurrentUser } from "@/lib/server/auth/guards";
import { homePathFor } from "@/lib/server/auth/policy";
import { env } from "@/lib/server/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; reset?: string }>;
}) {
  const params = await searchParams;
  const user = await getCurrentUser();
  if (user) redirect(homePathFor(user));
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">Use the email address you were invited with.</p>
      {params.reset === "done" ? (
        <div className="mb-5">
          <Alert tone="success">Your password has been changed. Sign in with the new one.</Alert>
        </div>
      ) : null}
      <SignInForm callbackUrl={safeCallbackPath(params.callbackUrl, env().APP_URL) ?? undefined} />
    </>
  );
}
