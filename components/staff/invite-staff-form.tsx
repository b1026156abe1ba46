"use client";

import { useState } from "react";

import { useClientActionForm } from "@/components/forms/use-client-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { inviteStaffAction } from "@/lib/server/actions/staff-actions";
import { inviteStaffSchema } from "@/lib/staff/schema";
import type { InvitationLinkResult } from "@/lib/staff/views";

import { InvitationLink } from "./invitation-link";

export function InviteStaffForm() {
  const [created, setCreated] = useState<(InvitationLinkResult & { email: string }) | null>(null);
  const { form, onSubmit, formError } = useClientActionForm({
    schema: inviteStaffSchema,
    action: inviteStaffAction,
    defaultValues: { email: "", role: "STAFF" },
    onSuccess: (data) => {
      setCreated({ ...data, email: form.getValues("email") });
      form.reset({ email: "", role: "STAFF" });
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
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <TextField
          label="Email"
          type="email"
          autoComplete="off"
          error={errors.email?.message}
          {...form.register("email")}
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Role</legend>
          <div className="mt-2 space-y-2 text-sm">
            <label className="flex items-start gap-2">
              <input type="radio" value="STAFF" className="mt-0.5" {...form.register("role")} />
              <span>
                <span className="font-medium">Staff</span> — reviews and approves customer applications.
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" value="ADMIN" className="mt-0.5" {...form.register("role")} />
              <span>
                <span className="font-medium">Administrator</span> — also invites staff and edits settings.
              </span>
            </label>
          </div>
          {errors.role ? <p className="mt-1 text-sm text-red-700">{errors.role.message}</p> : null}
        </fieldset>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Inviting…" : "Invite staff member"}
        </Button>
      </form>
    </div>
  );
}
