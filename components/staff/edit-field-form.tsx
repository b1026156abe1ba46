"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { editFieldAction } from "@/lib/server/actions/review-actions";

/** A staff correction of one field (a typo, a missing suite number); recorded in the history. */
export function EditFieldForm({
  applicationId,
  fields,
}: {
  applicationId: string;
  fields: { value: string; label: string }[];
}) {
  const router = useRouter();
  const [field, setField] = useState("");
  const [value, setValue] = useState("");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  return (
    <form
      method="post"
      className="space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await editFieldAction({ applicationId, field, value });
        setMessage(
          result.ok
            ? { tone: "success", text: "Field updated." }
            : {
                tone: "error",
                text: result.formError ?? Object.values(result.fieldErrors)[0]?.[0] ?? "Could not update.",
              },
        );
        if (result.ok) router.refresh();
      }}
    >
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <SelectField
        label="Field to correct"
        options={fields}
        value={field}
        onChange={(event) => setField(event.target.value)}
      />
      <TextField label="New value" value={value} onChange={(event) => setValue(event.target.value)} />
      <Button type="submit" variant="secondary" disabled={!field}>
        Save correction
      </Button>
    </form>
  );
}
