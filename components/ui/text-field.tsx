"use client";

import { useId, type InputHTMLAttributes, type Ref } from "react";

import { FieldAdvice, FieldHint, fieldMessageIds, FieldNoteAndError } from "./field-messages";

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  error?: string;
  hint?: string;
  /** A reviewer's comment on this field, shown with it until the application is sent again. */
  note?: string;
  /** Non-blocking advice, each line already in words. */
  advice?: readonly string[];
  ref?: Ref<HTMLInputElement>;
};

/**
 * A labelled input. Its error is linked with aria-describedby and marked aria-invalid, so screen
 * readers announce it with the field.
 */
export function TextField({ label, error, hint, note, advice, id, className = "", ref, ...props }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const { hintId, noteId, errorId, adviceId, describedBy } = fieldMessageIds(inputId, { hint, note, error, advice });
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <FieldHint id={hintId} hint={hint} />
      <input
        id={inputId}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none ${
          error ? "border-red-500" : "border-slate-300"
        }`}
        {...props}
      />
      <FieldNoteAndError noteId={noteId} note={note} errorId={errorId} error={error} />
      <FieldAdvice id={adviceId} advice={advice} />
    </div>
  );
}
