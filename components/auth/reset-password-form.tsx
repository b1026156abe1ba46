"use client";

import { useProgressiveActionForm } from "@/components/forms/use-progressive-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { resetPasswordSchema } from "@/lib/auth/schema";
import { PASSWORD_MIN_LENGTH } from "@/lib/forms/fields";
import { resetPasswordAction } from "@/lib/server/actions/auth-actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const { form, formAction, onSubmit, pending, errorFor, formError } = useProgressiveActionForm({
    schema: resetPasswordSchema,
    action: resetPasswordAction,
    defaultValues: { token, password: "", confirmPassword: "" },
  });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={errorFor("password")}
        {...form.register("password")}
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        error={errorFor("confirmPassword")}
        {...form.register("confirmPassword")}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
