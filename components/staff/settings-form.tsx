"use client";

import { useState } from "react";

import { useClientActionForm } from "@/components/forms/use-client-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/text-field";
import { updateIsvSettingsAction } from "@/lib/server/actions/staff-actions";
import { isvSettingsSchema } from "@/lib/staff/schema";

export function SettingsForm({
  portalName,
  supportEmail,
  customersManageSenders,
  customersBuyNumbers,
  mockBrands,
  mockBrandsForced,
}: {
  portalName: string;
  supportEmail: string;
  customersManageSenders: boolean;
  customersBuyNumbers: boolean;
  mockBrands: boolean;
  mockBrandsForced: boolean;
}) {
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, formError } = useClientActionForm({
    schema: isvSettingsSchema,
    action: updateIsvSettingsAction,
    defaultValues: { portalName, supportEmail, customersManageSenders, customersBuyNumbers, mockBrands },
    onSuccess: () => setSaved(true),
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5" onChange={() => setSaved(false)}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {saved ? <Alert tone="success">Settings saved.</Alert> : null}
      <TextField
        label="Portal name"
        hint="Shown in the header and on sign-in pages: usually your company's name."
        error={errors.portalName?.message}
        {...form.register("portalName")}
      />
      <TextField
        label="Support email"
        type="email"
        hint="Shown to customers on the sign-in pages. Optional."
        error={errors.supportEmail?.message}
        {...form.register("supportEmail")}
      />
      <CheckboxField
        label="Customers manage their sender numbers"
        hint="Lets customers add and remove their account's numbers in their Messaging Service. Staff always can."
        {...form.register("customersManageSenders")}
      />
      <CheckboxField
        label="Customers buy their own phone numbers"
        hint="Lets customers search for local numbers and buy one into their account; Twilio bills your account monthly for each. Staff always can."
        {...form.register("customersBuyNumbers")}
      />
      <CheckboxField
        label="Register mock brands (testing only)"
        hint={
          mockBrandsForced
            ? "On for this server (TWILIO_MOCK_BRANDS=true)."
            : "New brands are created with Twilio's Mock flag: they never reach The Campaign Registry and cannot send real traffic. Every staff page says so while this is on."
        }
        disabled={mockBrandsForced}
        {...form.register("mockBrands")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
