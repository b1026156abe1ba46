"use client";

import { useState } from "react";

import { useClientActionForm } from "@/components/forms/use-client-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { inviteCustomerUserAction } from "@/lib/server/actions/staff-actions";
import { inviteCustomerUserSchema } from "@/lib/staff/schema";
import type { InvitationLinkResult } from "@/lib/staff/views";

import { InvitationLink } from "./invitation-link";

export function InviteCustomerUserForm({ organizationId }: { organizationId: string }) {
  const [created, setCreated] = useState<(InvitationLinkResult & { email: string }) | null>(null);
  const { form, onSubmit, formError } = useClientActionForm({
    schema: inviteCustomerUserSchema,
    action: inviteCustomerUserAction,
    defaultValues: { organizationId, email: "" },
    onSuccess: (data) => {
      setCreated({ ...data, email: form.getValues("email") });
      form.reset({ organizationId, email: "" });
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <div className="space-y-4">
      {created ? (
        <InvitationLink
          link={created.link}
          emailed={created.emailed}
          expiresAt={created.expiresAt}
          email={created.email}
        />
      ) : null}
      <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <TextField
          className="flex-1"
          label="Email to invite"
          type="email"
          autoComplete="off"
          error={errors.email?.message}
          {...form.register("email")}
        />
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Inviting…" : "Send invitation"}
        </Button>
      </form>
    </div>
  );
}
