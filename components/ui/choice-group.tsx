"use client";

import { useId, type ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

import { checkableRegistration } from "@/components/forms/checkable";

import { FieldHint, fieldMessageIds, FieldNoteAndError } from "./field-messages";

type Choice = { value: string; label: string; help?: string };

/**
 * Radio buttons or checkboxes in a fieldset whose legend is the question. The error is linked to
 * the group and announced with it.
 */
export function ChoiceGroup({
  legend,
  type,
  choices,
  registration,
  error,
  hint,
  columns = 1,
  disabled,
  note,
}: {
  legend: string;
  type: "radio" | "checkbox";
  choices: readonly Choice[];
  registration: UseFormRegisterReturn;
  error?: string;
  hint?: ReactNode;
  columns?: 1 | 2 | 3;
  disabled?: boolean;
  /** A reviewer's comment on this question. */
  note?: string;
}) {
  const id = useId();
  const { hintId, noteId, errorId, describedBy } = fieldMessageIds(id, { hint, note, error });
  const grid = { 1: "", 2: "sm:grid-cols-2", 3: "sm:grid-cols-3" }[columns];
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={error ? true : undefined} disabled={disabled}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <FieldHint id={hintId} hint={hint} />
      <FieldNoteAndError noteId={noteId} note={note} />
      <div className={`mt-2 grid gap-2 ${grid}`}>
        {choices.map((choice, index) => (
          <label
            key={choice.value}
            className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm hover:border-brand-600 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input
              type={type}
              value={choice.value}
              className="mt-0.5"
              {...checkableRegistration(registration, choice.value)}
              id={index === 0 ? `${id}-first` : undefined}
            />
            <span>
              <span className="block font-medium text-slate-900">{choice.label}</span>
              {choice.help ? <span className="block text-xs text-slate-600">{choice.help}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <FieldNoteAndError errorId={errorId} error={error} />
    </fieldset>
  );
}
