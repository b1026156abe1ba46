"use client";

import Link from "next/link";
import { z } from "zod";

import { useProgressiveActionForm } from "@/components/forms/use-progressive-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signInSchema } from "@/lib/auth/schema";
import { signInWithPassword } from "@/lib/server/actions/auth-actions";

const schema = signInSchema.extend({ callbackUrl: z.string().optional() });

/**
 * Posts to the server action even before hydration (React renders the form with method POST for
 * a function action): the password never lands in a URL.
 */
export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const { form, formAction, onSubmit, pending, errorFor, formError, initial } = useProgressiveActionForm({
    schema,
    action: signInWithPassword,
    defaultValues: { email: "", password: "", callbackUrl },
  });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        defaultValue={initial("email")}
        error={errorFor("email")}
        {...form.register("email")}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errorFor("password")}
        {...form.register("password")}
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
