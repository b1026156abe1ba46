"use client";

import { useId, type Ref, type TextareaHTMLAttributes } from "react";

import { FieldAdvice, FieldHint, fieldMessageIds, FieldNoteAndError } from "./field-messages";

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  error?: string;
  hint?: string;
  /** A reviewer's comment (or Twilio's reason) on this field. */
  note?: string;
  /** Non-blocking advice, each line already in words. */
  advice?: readonly string[];
  /** Shows "n / max characters" under the field (the form knows n: the field is uncontrolled). */
  charCount?: { count: number; max: number };
  ref?: Ref<HTMLTextAreaElement>;
};

/** A labelled multi-line input; its error, note and advice are announced with it. */
export function TextAreaField({
  label,
  error,
  hint,
  note,
  advice,
  charCount,
  id,
  className = "",
  ref,
  rows = 4,
  ...props
}: TextAreaFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const { hintId, noteId, errorId, adviceId, describedBy } = fieldMessageIds(inputId, { hint, note, error, advice });
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <FieldHint id={hintId} hint={hint} />
      <textarea
        id={inputId}
        ref={ref}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none ${
          error ? "border-red-500" : "border-slate-300"
        }`}
        {...props}
      />
      {charCount ? (
        <p className="mt-0.5 text-right text-xs text-slate-500">
          {charCount.count} / {charCount.max} characters
        </p>
      ) : null}
      <FieldNoteAndError noteId={noteId} note={note} errorId={errorId} error={error} />
      <FieldAdvice id={adviceId} advice={advice} />
    </div>
  );
}
