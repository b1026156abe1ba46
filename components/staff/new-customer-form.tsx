"use client";

import Link from "next/link";
import { useState } from "react";

import { useClientActionForm } from "@/components/forms/use-client-action-form";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { createCustomerAction } from "@/lib/server/actions/staff-actions";
import { createCustomerSchema } from "@/lib/staff/schema";
import type { InvitationLinkResult } from "@/lib/staff/views";

import { InvitationLink } from "./invitation-link";

export function NewCustomerForm() {
  const [created, setCreated] = useState<(InvitationLinkResult & { email: string }) | null>(null);
  const { form, onSubmit, formError } = useClientActionForm({
    schema: createCustomerSchema,
    action: createCustomerAction,
    defaultValues: { organizationName: "", email: "" },
    onSuccess: (data) => setCreated({ ...data, email: form.getValues("email") }),
  });
  const { errors, isSubmitting } = form.formState;

  if (created) {
    return (
      <div className="space-y-5">
        <InvitationLink
          link={created.link}
          emailed={created.emailed}
          expiresAt={created.expiresAt}
          email={created.email}
        />
        <div className="flex flex-wrap gap-3">
          <Link href={`/staff/customers/${created.organizationId}`} className={buttonClasses("primary")}>
            Open customer
          </Link>
          <Link href="/staff" className={buttonClasses("secondary")}>
            Back to customers
          </Link>
        </div>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        label="Company name"
        hint="The customer's business, as you know it. They enter the legal details themselves."
        error={errors.organizationName?.message}
        {...form.register("organizationName")}
      />
      <TextField
        label="Email of their first user"
        type="email"
        autoComplete="off"
        hint="This person receives a link to set a password and fill in the registration."
        error={errors.email?.message}
        {...form.register("email")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create customer and invite"}
      </Button>
    </form>
  );
}
