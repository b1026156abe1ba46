"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { approveApplicationAction, requestChangesAction } from "@/lib/server/actions/review-actions";

type FieldOption = { value: string; label: string };

/** Approve and provision, or send back with comments on specific fields. */
export function ReviewActions({ applicationId, fields }: { applicationId: string; fields: FieldOption[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [comments, setComments] = useState([{ field: "", message: "" }]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  async function approve() {
    setBusy(true);
    const result = await approveApplicationAction({ applicationId });
    setBusy(false);
    setMessage(
      result.ok
        ? {
            tone: "success",
            text: result.data.started
              ? "Approved. Provisioning at Twilio has started."
              : "Already approved by a colleague.",
          }
        : { tone: "error", text: result.formError ?? "Could not approve." },
    );
    router.refresh();
  }

  async function sendBack() {
    setBusy(true);
    const result = await requestChangesAction({ applicationId, comments });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fieldErrors);
      setMessage({ tone: "error", text: result.formError ?? "Could not send the comments." });
      return;
    }
    setMessage({ tone: "success", text: "Sent back to the customer with your comments." });
    router.refresh();
  }

  return (
    <div className="space-y-5">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div>
        <Button onClick={() => void approve()} disabled={busy}>
          Approve and provision
        </Button>
        <p className="mt-1 text-xs text-slate-500">
          Creates the Secondary Customer Profile, A2P Trust Product, Brand and Messaging Service at Twilio. A brand
          registration costs a fee.
        </p>
      </div>
      <fieldset className="space-y-3 border-t border-slate-200 pt-4">
        <legend className="text-sm font-semibold text-slate-900">Request changes</legend>
        {comments.map((comment, index) => (
          <div key={index} className="grid gap-2 sm:grid-cols-[14rem_1fr]">
            <div>
              <label htmlFor={`comment-field-${index}`} className="block text-xs font-medium text-slate-700">
                Field {index + 1}
              </label>
              <select
                id={`comment-field-${index}`}
                className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                value={comment.field}
                aria-invalid={errors[`comments.${index}.field`] ? true : undefined}
                aria-describedby={errors[`comments.${index}.field`] ? `comment-field-${index}-error` : undefined}
                onChange={(event) =>
                  setComments(comments.map((c, i) => (i === index ? { ...c, field: event.target.value } : c)))
                }
              >
                <option value="">Choose a field…</option>
                {fields.map((field) => (
                  <option key={field.value} value={field.value}>
                    {field.label}
                  </option>
                ))}
              </select>
              {errors[`comments.${index}.field`] ? (
                <p id={`comment-field-${index}-error`} className="mt-1 text-xs text-red-700">
                  {errors[`comments.${index}.field`]![0]}
                </p>
              ) : null}
            </div>
            <div>
              <label htmlFor={`comment-message-${index}`} className="block text-xs font-medium text-slate-700">
                Comment {index + 1}
              </label>
              <textarea
                id={`comment-message-${index}`}
                rows={2}
                className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                value={comment.message}
                aria-invalid={errors[`comments.${index}.message`] ? true : undefined}
                onChange={(event) =>
                  setComments(comments.map((c, i) => (i === index ? { ...c, message: event.target.value } : c)))
                }
              />
              {errors[`comments.${index}.message`] ? (
                <p className="mt-1 text-xs text-red-700">{errors[`comments.${index}.message`]![0]}</p>
              ) : null}
            </div>
          </div>
        ))}
        <div className="flex flex-wrap gap-2">
          <Button variant="ghost" onClick={() => setComments([...comments, { field: "", message: "" }])}>
            Add another comment
          </Button>
          <Button variant="secondary" onClick={() => void sendBack()} disabled={busy}>
            Send back to the customer
          </Button>
        </div>
      </fieldset>
    </div>
  );
}
