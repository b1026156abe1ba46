import type { Metadata } from "next";
import Link from "next/link";

import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { passwordResetLinkStatus, resetLinkProblem } from "@/lib/server/passwords/password-reset";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const status = await passwordResetLinkStatus(token);
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Choose a new password</h1>
      <div className="mt-6">
        {status === "valid" ? (
          <ResetPasswordForm token={token} />
        ) : (
          <>
            <Alert tone="error">{resetLinkProblem[status]}</Alert>
            <p className="mt-6 text-sm">
              <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
                Ask for a new link
              </Link>
            </p>
          </>
        )}
      </div>
    </>
  );
}
