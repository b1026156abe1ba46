"use client";

import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { setCustomerAccountAction } from "@/lib/server/actions/staff-actions";

/** Which Twilio account holds this customer's resources (admin only; fixed once provisioning starts). */
export function CustomerAccountForm({
  organizationId,
  accountSid,
  locked,
}: {
  organizationId: string;
  accountSid: string | null;
  locked: boolean;
}) {
  const [existing, setExisting] = useState("");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function choose(input: { mode: "create" } | { mode: "isv" } | { mode: "existing"; accountSid: string }) {
    setBusy(true);
    setFieldError(undefined);
    const result = await setCustomerAccountAction({ organizationId, ...input });
    setBusy(false);
    if (result.ok)
      setMessage({
        tone: "success",
        text: result.data.accountSid
          ? `Resources will be created in subaccount ${result.data.accountSid}.`
          : "Resources will be created in your own account.",
      });
    else {
      setFieldError(result.fieldErrors.accountSid?.[0]);
      setMessage({
        tone: "error",
        text: result.formError ?? result.fieldErrors.accountSid?.[0] ?? "Could not change the account.",
      });
    }
  }

  return (
    <div className="space-y-3 text-sm">
      <p>
        Current:{" "}
        <span className="font-mono" data-testid="customer-account">
          {accountSid ?? "your ISV account"}
        </span>
      </p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {locked ? (
        <p className="text-slate-600">Resources already exist at Twilio for this customer, so the account is fixed.</p>
      ) : (
        <>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" disabled={busy} onClick={() => void choose({ mode: "create" })}>
              Create a new subaccount
            </Button>
            <Button variant="ghost" disabled={busy} onClick={() => void choose({ mode: "isv" })}>
              Use my ISV account
            </Button>
          </div>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <TextField
              className="flex-1"
              label="Existing subaccount SID"
              value={existing}
              onChange={(event) => setExisting(event.target.value)}
              error={fieldError}
            />
            <Button
              variant="secondary"
              disabled={busy || !existing}
              onClick={() => void choose({ mode: "existing", accountSid: existing })}
            >
              Use this subaccount
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
