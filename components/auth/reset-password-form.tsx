"use client";

import { useProgressiveActionForm } from "@/components/forms/use-progressive-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { PASSWORD_MIN_LENGTH } from "@/lib/forms/password-rules";
import { resetPasswordAction } from "@/lib/server/actions/auth-actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const { formRef, formAction, onSubmit, onChange, pending, errorFor, formError } = useProgressiveActionForm({
    action: resetPasswordAction,
    defaultValues: { token, password: "", confirmPassword: "" },
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={errorFor("password")}
        name="password"
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        error={errorFor("confirmPassword")}
        name="confirmPassword"
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
