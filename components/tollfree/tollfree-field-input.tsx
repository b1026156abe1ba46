"use client";

import type { UseFormReturn } from "react-hook-form";

import { checkableRegistration } from "@/components/forms/checkable";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FieldHint, FieldNoteAndError } from "@/components/ui/field-messages";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { TollfreeDraft } from "@/lib/tollfree/draft-values";
import type { TollfreeField } from "@/lib/tollfree/fields";

export type TollfreeValues = Required<TollfreeDraft>;

/** One toll-free verification field, drawn by its kind, labelled with Twilio's name. */
export function TollfreeFieldInput({
  field,
  form,
  note,
}: {
  field: TollfreeField;
  form: UseFormReturn<TollfreeValues>;
  /** A staff comment or Twilio's rejection reason for this answer. */
  note?: string;
}) {
  const error = form.formState.errors[field.key]?.message;
  const message = typeof error === "string" ? error : undefined;
  if (field.kind === "flag")
    return <CheckboxField label={field.label} hint={field.help} note={note} {...form.register(field.key)} />;
  if (field.kind === "categories") {
    const id = `tollfree-${field.key}`;
    const describedBy = [`${id}-hint`, note ? `${id}-note` : "", message ? `${id}-error` : ""]
      .filter(Boolean)
      .join(" ");
    return (
      <fieldset aria-describedby={describedBy} aria-invalid={message ? true : undefined}>
        <legend className="text-sm font-medium text-slate-800">{field.label}</legend>
        <FieldHint id={`${id}-hint`} hint={field.help} />
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {field.options!.map((option) => (
            <label key={option.value} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                value={option.value}
                {...checkableRegistration(form.register(field.key), option.value)}
              />
              {option.label}
            </label>
          ))}
        </div>
        <FieldNoteAndError noteId={`${id}-note`} note={note} errorId={`${id}-error`} error={message} />
      </fieldset>
    );
  }
  if (field.kind === "select")
    return (
      <SelectField
        label={field.label}
        hint={field.help}
        note={note}
        error={message}
        options={field.options!}
        {...form.register(field.key)}
      />
    );
  if (field.kind === "longtext" || field.kind === "lines")
    return (
      <TextAreaField
        label={field.label}
        hint={field.help}
        note={note}
        error={message}
        rows={field.kind === "lines" ? 2 : 3}
        {...form.register(field.key)}
      />
    );
  return (
    <TextField
      label={field.label}
      hint={field.help}
      note={note}
      error={message}
      inputMode={field.inputMode}
      autoComplete={field.autoComplete}
      {...form.register(field.key)}
    />
  );
}
