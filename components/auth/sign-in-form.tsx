"use client";

import Link from "next/link";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { signInSchema } from "@/lib/schemas/auth";
import { signInWithPassword } from "@/lib/server/actions/auth-actions";

const schema = signInSchema.extend({ callbackUrl: z.string().optional() });

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const { form, onSubmit, formError } = useActionForm({
    schema,
    action: signInWithPassword,
    defaultValues: { email: "", password: "", callbackUrl },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        error={errors.email?.message}
        {...form.register("email")}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      <div className="flex items-center justify-between gap-4">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Signing in…" : "Sign in"}
        </Button>
        <Link href="/forgot-password" className="text-sm font-medium text-brand-700 hover:underline">
          Forgot your password?
        </Link>
      </div>
    </form>
  );
}
