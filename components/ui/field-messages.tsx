import type { ReactNode } from "react";

/**
 * The texts around a form control: help, a reviewer's note and the error. Each has an id that the
 * control lists in aria-describedby, so screen readers read them with the field.
 */
export function fieldMessageIds(
  id: string,
  { hint, note, error }: { hint?: unknown; note?: unknown; error?: unknown },
) {
  const ids = {
    hintId: hint ? `${id}-hint` : undefined,
    noteId: note ? `${id}-note` : undefined,
    errorId: error ? `${id}-error` : undefined,
  };
  return { ...ids, describedBy: [ids.hintId, ids.noteId, ids.errorId].filter(Boolean).join(" ") || undefined };
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
