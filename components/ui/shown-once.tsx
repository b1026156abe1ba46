"use client";

/**
 * A secret the server hands out once (an API key, a webhook signing secret): labelled, read-only,
 * selected whole when focused so that it can be copied. The portal keeps only a hash or a
 * ciphertext of it.
 */
export function ShownOnce({ id, label, value, testId }: { id: string; label: string; value: string; testId: string }) {
  return (
    <>
      <label className="mt-2 block text-sm font-medium" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        readOnly
        value={value}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs"
        onFocus={(event) => event.currentTarget.select()}
        data-testid={testId}
      />
    </>
  );
}
