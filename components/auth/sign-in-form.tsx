"use client";

import Link from "next/link";

import { useProgressiveActionForm } from "@/components/forms/use-progressive-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signInWithPassword } from "@/lib/server/actions/auth-actions";

/**
 * Posts to the server action even before hydration (React renders the form with method POST for
 * a function action): the password never lands in a URL. The server checks it with the shared
 * schema (lib/auth/schema.ts) and its messages show next to the fields.
 */
export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const { formRef, formAction, onSubmit, onChange, pending, errorFor, formError, initial } = useProgressiveActionForm({
    action: signInWithPassword,
    defaultValues: { email: "", password: "", callbackUrl },
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        defaultValue={initial("email")}
        error={errorFor("email")}
        name="email"
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errorFor("password")}
        name="password"
      />
      <div className="flex items-center justify-between gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
        <Link href="/forgot-password" className="text-sm font-medium text-brand-700 hover:underline">
          Forgot your password?
        </Link>
      </div>
    </form>
  );
}
