"use client";

import { useProgressiveActionForm } from "@/components/forms/use-progressive-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { PASSWORD_MIN_LENGTH } from "@/lib/forms/password-rules";
import { acceptInvitationAction } from "@/lib/server/actions/auth-actions";

export function AcceptInvitationForm({ token, email, name }: { token: string; email: string; name?: string | null }) {
  const { formRef, formAction, onSubmit, onChange, pending, errorFor, formError, initial } = useProgressiveActionForm({
    action: acceptInvitationAction,
    defaultValues: { token, name: name ?? "", password: "", confirmPassword: "" },
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-5">
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
        name="name"
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well.`}
        error={errorFor("password")}
        name="password"
      />
      <TextField
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        error={errorFor("confirmPassword")}
        name="confirmPassword"
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating your account…" : "Create account and sign in"}
      </Button>
    </form>
  );
}
