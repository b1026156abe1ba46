"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";

type FieldOption = { value: string; label: string };
export type FieldComment = { field: string; message: string };

/**
 * Comments on specific fields, sent back to the customer (shown next to each field). Shared by the
 * onboarding review and the campaign review; each passes its own action and field list.
 */
export function RequestChangesFieldset({
  idPrefix,
  fields,
  busy,
  send,
}: {
  idPrefix: string;
  fields: FieldOption[];
  busy: boolean;
  send: (comments: FieldComment[]) => Promise<ActionResult<unknown>>;
}) {
  const [comments, setComments] = useState<FieldComment[]>([{ field: "", message: "" }]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  async function sendBack() {
    const result = await send(comments);
    setErrors(result.ok ? {} : result.fieldErrors);
  }

  return (
    <fieldset className="space-y-3 border-t border-slate-200 pt-4">
      <legend className="text-sm font-semibold text-slate-900">Request changes</legend>
      {comments.map((comment, index) => {
        const fieldError = errors[`comments.${index}.field`]?.[0];
        const messageError = errors[`comments.${index}.message`]?.[0];
        const id = `${idPrefix}-${index}`;
        return (
          <div key={index} className="grid gap-2 sm:grid-cols-[14rem_1fr]">
            <div>
              <label htmlFor={`${id}-field`} className="block text-xs font-medium text-slate-700">
                Field {index + 1}
              </label>
              <select
                id={`${id}-field`}
                className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                value={comment.field}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={fieldError ? `${id}-field-error` : undefined}
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
              {fieldError ? (
                <p id={`${id}-field-error`} className="mt-1 text-xs text-red-700">
                  {fieldError}
                </p>
              ) : null}
            </div>
            <div>
              <label htmlFor={`${id}-message`} className="block text-xs font-medium text-slate-700">
                Comment {index + 1}
              </label>
              <textarea
                id={`${id}-message`}
                rows={2}
                className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                value={comment.message}
                aria-invalid={messageError ? true : undefined}
                aria-describedby={messageError ? `${id}-message-error` : undefined}
                onChange={(event) =>
                  setComments(comments.map((c, i) => (i === index ? { ...c, message: event.target.value } : c)))
                }
              />
              {messageError ? (
                <p id={`${id}-message-error`} className="mt-1 text-xs text-red-700">
                  {messageError}
                </p>
              ) : null}
            </div>
          </div>
        );
      })}
      <div className="flex flex-wrap gap-2">
        <Button variant="ghost" onClick={() => setComments([...comments, { field: "", message: "" }])}>
          Add another comment
        </Button>
        <Button variant="secondary" onClick={() => void sendBack()} disabled={busy}>
          Send back to the customer
        </Button>
      </div>
    </fieldset>
  );
}
