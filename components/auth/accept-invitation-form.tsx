"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { acceptInvitationSchema } from "@/lib/schemas/auth";
import { PASSWORD_MIN_LENGTH } from "@/lib/schemas/fields";
import { acceptInvitationAction } from "@/lib/server/actions/auth-actions";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const { form, onSubmit, formError } = useActionForm({
    schema: acceptInvitationSchema,
    action: acceptInvitationAction,
    defaultValues: { token, name: "", password: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        label="Email"
        type="email"
        value={email}
        readOnly
        disabled
        hint="Your account uses the address the invitation was sent to."
      />
      <TextField label="Your name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well.`}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <TextField
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword?.message}
        {...form.register("confirmPassword")}
      />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Creating your account…" : "Create account and sign in"}
      </Button>
    </form>
  );
}
