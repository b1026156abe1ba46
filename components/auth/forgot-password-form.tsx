"use client";

import { useProgressiveActionForm } from "@/components/forms/use-progressive-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { requestPasswordResetAction } from "@/lib/server/actions/auth-actions";

export function ForgotPasswordForm() {
  const { formRef, state, formAction, onSubmit, onChange, pending, errorFor, formError, initial } =
    useProgressiveActionForm({
      action: requestPasswordResetAction,
      defaultValues: { email: "" },
    });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">{state.data.message}</Alert> : null}
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={initial("email")}
        error={errorFor("email")}
        name="email"
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Sending…" : "Email me a reset link"}
      </Button>
    </form>
  );
}
