"use client";

import { useId, type Ref, type SelectHTMLAttributes } from "react";

import { FieldHint, fieldMessageIds, FieldNoteAndError } from "./field-messages";

type Option = { value: string; label: string; disabled?: boolean };

/** A labelled select; its error is announced with the field (aria-invalid, aria-describedby). */
export function SelectField({
  label,
  options,
  error,
  hint,
  placeholder = "Choose…",
  note,
  id,
  className = "",
  ref,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  options: readonly Option[];
  error?: string;
  hint?: string;
  placeholder?: string;
  note?: string;
  ref?: Ref<HTMLSelectElement>;
}) {
  const generated = useId();
  const selectId = id ?? generated;
  const { hintId, noteId, errorId, describedBy } = fieldMessageIds(selectId, { hint, note, error });
  return (
    <div className={className}>
      <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <FieldHint id={hintId} hint={hint} />
      <select
        id={selectId}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none ${error ? "border-red-500" : "border-slate-300"}`}
        {...props}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNoteAndError noteId={noteId} note={note} errorId={errorId} error={error} />
    </div>
  );
}
