"use client";

import { useState } from "react";

import { useClientActionForm } from "@/components/forms/use-client-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { updateTwilioSettingsAction } from "@/lib/server/actions/staff-actions";
import { twilioSettingsSchema, type TwilioSettingsInput } from "@/lib/staff/schema";

export function TwilioSettingsForm({ initial }: { initial: TwilioSettingsInput }) {
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, formError } = useClientActionForm({
    schema: twilioSettingsSchema,
    action: updateTwilioSettingsAction,
    defaultValues: initial,
    onSuccess: () => setSaved(true),
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5" onChange={() => setSaved(false)}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {saved ? <Alert tone="success">Twilio settings saved. The primary profile is twilio-approved.</Alert> : null}
      <TextField
        label="ISV notification email"
        type="email"
        hint="Receives Trust Hub status emails for every customer profile. Use your own team's address, not your customers'."
        error={errors.notificationEmail?.message}
        {...form.register("notificationEmail")}
      />
      <TextField
        label="Primary Customer Profile SID"
        hint="Your own twilio-approved Business Profile (BU…). We check it at Twilio."
        error={errors.primaryCustomerProfileSid?.message}
        {...form.register("primaryCustomerProfileSid")}
      />
      <TextField
        label="Public base URL"
        type="url"
        hint="Where Twilio can reach this portal for status callbacks."
        error={errors.publicBaseUrl?.message}
        {...form.register("publicBaseUrl")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Checking at Twilio…" : "Save Twilio settings"}
      </Button>
    </form>
  );
}
