"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { forgotPasswordSchema } from "@/lib/schemas/auth";
import { requestPasswordResetAction } from "@/lib/server/actions/auth-actions";

export function ForgotPasswordForm() {
  const [sent, setSent] = useState<string | null>(null);
  const { form, onSubmit, formError } = useActionForm({
    schema: forgotPasswordSchema,
    action: requestPasswordResetAction,
    defaultValues: { email: "" },
    onSuccess: (data) => setSent(data.message),
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...form.register("email")}
      />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Sending…" : "Email me a reset link"}
      </Button>
    </form>
  );
}
