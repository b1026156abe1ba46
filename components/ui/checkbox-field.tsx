"use client";

import { useId, type InputHTMLAttributes, type Ref } from "react";

import { FieldAdvice, fieldMessageIds, FieldNoteAndError } from "./field-messages";

/** One labelled checkbox with its help, a reviewer's note and advice, announced with it. */
export function CheckboxField({
  label,
  hint,
  note,
  advice,
  id,
  ref,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  hint?: string;
  note?: string;
  advice?: readonly string[];
  ref?: Ref<HTMLInputElement>;
}) {
  const generated = useId();
  const inputId = id ?? generated;
  const { hintId, noteId, adviceId, describedBy } = fieldMessageIds(inputId, { hint, note, advice });
  return (
    <div>
      <div className="flex items-start gap-2">
        <input id={inputId} ref={ref} type="checkbox" className="mt-1" aria-describedby={describedBy} {...props} />
        <div>
          <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
            {label}
          </label>
          {hint ? (
            <p id={hintId} className="text-xs text-slate-500">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
      <FieldNoteAndError noteId={noteId} note={note} />
      <FieldAdvice id={adviceId} advice={advice} />
    </div>
  );
}
