"use client";

import { useId, type Ref, type SelectHTMLAttributes } from "react";

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
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; options: readonly Option[]; error?: string; hint?: string; placeholder?: string; note?: string; ref?: Ref<HTMLSelectElement> }) {
  const generated = useId();
  const selectId = id ?? generated;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  const noteId = note ? `${selectId}-note` : undefined;
  return (
    <div className={className}>
      <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <select
        id={selectId}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, noteId, errorId].filter(Boolean).join(" ") || undefined}
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
      {note ? (
        <p id={noteId} className="mt-1 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900" data-testid="review-note">
          <span className="font-semibold">Please fix: </span>
          {note}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
