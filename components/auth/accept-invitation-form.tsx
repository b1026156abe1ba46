"use client";

import { useProgressiveActionForm } from "@/components/forms/use-progressive-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { acceptInvitationSchema } from "@/lib/auth/schema";
import { PASSWORD_MIN_LENGTH } from "@/lib/forms/fields";
import { acceptInvitationAction } from "@/lib/server/actions/auth-actions";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const { form, formAction, onSubmit, pending, errorFor, formError, initial } = useProgressiveActionForm({
    schema: acceptInvitationSchema,
    action: acceptInvitationAction,
    defaultValues: { token, name: "", password: "", confirmPassword: "" },
  });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <TextField
        label="Email"
        type="email"
        value={email}
        readOnly
        disabled
        hint="Your account uses the address the invitation was sent to."
      />
      <TextField
        label="Your name"
        autoComplete="name"
        defaultValue={initial("name")}
        error={errorFor("name")}
        {...form.register("name")}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well.`}
        error={errorFor("password")}
        {...form.register("password")}
      />
      <TextField
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        error={errorFor("confirmPassword")}
        {...form.register("confirmPassword")}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating your account…" : "Create account and sign in"}
      </Button>
    </form>
  );
}
