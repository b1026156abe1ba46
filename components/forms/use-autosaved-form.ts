"use client";

import { useEffect, useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Resolver } from "react-hook-form";

import type { ActionResult } from "@/lib/action-result";

import { useInputBeforeHydration } from "./use-input-before-hydration";
import { useVersionedAutosave, type VersionedSaveAnswer, type VersionedSnapshot } from "./use-versioned-autosave";

/**
 * A react-hook-form form whose values are saved as typed (useVersionedAutosave): what was typed
 * before the page hydrated is kept, every change is saved, and a newer version taken after a
 * conflict replaces the form's values. The campaign's and the toll-free verification's forms.
 */
export function useAutosavedForm<Draft, Snapshot extends VersionedSnapshot<Draft>, Values extends FieldValues>({
  snapshot,
  save,
  resolver,
  empty,
  readOnly,
}: {
  snapshot: Snapshot;
  save: (draft: Draft, expectedVersion: number) => Promise<ActionResult<VersionedSaveAnswer<Snapshot>>>;
  resolver: Resolver<Values>;
  /** Every field's empty value: the form starts from it and the draft over it. */
  empty: () => Values;
  readOnly: boolean;
}) {
  const autosave = useVersionedAutosave<Draft, Snapshot>(snapshot, save);
  const { draft, change } = autosave;
  const [revision, setRevision] = useState(0);
  const form = useForm<Values>({
    resolver,
    defaultValues: { ...empty(), ...snapshot.draft } as DefaultValues<Values>,
    mode: "onTouched",
    shouldFocusError: true,
    disabled: readOnly,
  });
  useInputBeforeHydration(form, () => change(() => form.getValues() as unknown as Draft));
  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values }) => change(() => ({ ...values }) as unknown as Draft),
      }),
    [form, change],
  );
  // A newer version taken after a conflict: the form shows it.
  useEffect(() => {
    if (revision) form.reset({ ...empty(), ...draft } as Values);
    // Only when the draft is replaced.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);
  return { form, ...autosave, tookNewer: () => setRevision((n) => n + 1) };
}
