import type { ReactNode } from "react";

/**
 * The texts around a form control: help, a reviewer's note and the error. Each has an id that the
 * control lists in aria-describedby, so screen readers read them with the field.
 */
export function fieldMessageIds(
  id: string,
  { hint, note, error, advice }: { hint?: unknown; note?: unknown; error?: unknown; advice?: readonly unknown[] },
) {
  const ids = {
    hintId: hint ? `${id}-hint` : undefined,
    noteId: note ? `${id}-note` : undefined,
    errorId: error ? `${id}-error` : undefined,
    adviceId: advice?.length ? `${id}-advice` : undefined,
  };
  return {
    ...ids,
    describedBy: [ids.hintId, ids.noteId, ids.errorId, ids.adviceId].filter(Boolean).join(" ") || undefined,
  };
}

/**
 * Advice that does not block (the campaign's pre-submission review): what to change and the Twilio
 * error it prevents. Announced with the field, and politely when it appears while typing.
 */
export function FieldAdvice({ id, advice }: { id?: string; advice?: readonly string[] }) {
  return advice?.length ? (
    <ul id={id} aria-live="polite" className="mt-1 space-y-1" data-testid="field-advice">
      {advice.map((text) => (
        <li key={text} className="rounded bg-sky-50 px-2 py-1 text-sm text-sky-900">
          <span className="font-semibold">Advice: </span>
          {text}
        </li>
      ))}
    </ul>
  ) : null;
}

export function FieldHint({ id, hint }: { id?: string; hint?: ReactNode }) {
  return hint ? (
    <p id={id} className="mt-0.5 text-xs text-slate-500">
      {hint}
    </p>
  ) : null;
}

export function FieldNoteAndError({
  noteId,
  note,
  errorId,
  error,
}: {
  noteId?: string;
  note?: string;
  errorId?: string;
  error?: string;
}) {
  return (
    <>
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
    </>
  );
}
