"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import type { ActionResult } from "@/lib/action-result";

/** What a versioned draft's save hands back: the saved snapshot, or the newer one it would have overwritten. */
export type VersionedSnapshot<Draft> = { version: number; updatedAt: string; draft: Draft };
export type VersionedSaveAnswer<Snapshot extends { version: number; updatedAt: string }> =
  { snapshot: Pick<Snapshot, "version" | "updatedAt"> } | { conflict: Snapshot; locked: boolean };

export type AutosaveState<Snapshot> =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string }
  | { kind: "conflict"; newer: Snapshot; locked: boolean };

const DEBOUNCE_MS = 800;

/**
 * A draft as the user types it, saved through the caller's `save` (a server action, or the
 * onboarding draft's route: decisions 0006, 0025): debounced while
 * typing, at once on request (step changes, Send). One save at a time; changes made during a save
 * are saved after it. A newer version on the server stops saving and is offered instead, never
 * overwritten silently. Shared by the onboarding wizard and the campaign and toll-free forms.
 */
export function useVersionedAutosave<Draft, Snapshot extends VersionedSnapshot<Draft>>(
  initial: Snapshot,
  save: (draft: Draft, expectedVersion: number) => Promise<ActionResult<VersionedSaveAnswer<Snapshot>>>,
) {
  const [draft, setDraft] = useState<Draft>(initial.draft);
  const [saveState, setSaveState] = useState<AutosaveState<Snapshot>>(
    initial.version > 1 ? { kind: "saved", at: initial.updatedAt } : { kind: "idle" },
  );
  const version = useRef(initial.version);
  const latest = useRef<Draft>(initial.draft);
  const dirty = useRef(false);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const saving = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const blocked = useRef(false);
  // The caller's save may be a new function every render; the newest one is used.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const saveOnce = useCallback(async (): Promise<boolean> => {
    dirty.current = false;
    saving.current = true;
    const sending = latest.current;
    setSaveState({ kind: "saving" });
    try {
      const result = await saveRef.current(sending, version.current);
      if (!result.ok) {
        dirty.current = true;
        setSaveState({ kind: "error", message: result.formError ?? "Not saved." });
        return false;
      }
      if ("conflict" in result.data) {
        blocked.current = true;
        dirty.current = true;
        setSaveState({ kind: "conflict", newer: result.data.conflict, locked: result.data.locked });
        return false;
      }
      version.current = result.data.snapshot.version;
      if (!dirty.current) setSaveState({ kind: "saved", at: result.data.snapshot.updatedAt });
      return true;
    } catch {
      dirty.current = true;
      setSaveState({ kind: "error", message: "Not saved: the connection was lost." });
      return false;
    } finally {
      saving.current = false;
    }
  }, []);

  /** Saves one after another (never two at once, which would collide on the version). */
  const runSave = useCallback((): Promise<boolean> => {
    const run = queue.current.then(async () => {
      // Changes typed while a save was under way are saved right after it.
      while (!blocked.current && dirty.current) {
        if (!(await saveOnce())) return false;
      }
      return !blocked.current;
    });
    queue.current = run.catch(() => false);
    return run;
  }, [saveOnce]);

  /** A change to the draft: kept at once, saved after a pause in typing. */
  const change = useCallback(
    (next: (current: Draft) => Draft) => {
      latest.current = next(latest.current);
      setDraft(latest.current);
      dirty.current = true;
      // "Saving…" from the first keystroke: a change waiting for its save is not saved yet.
      if (!blocked.current) setSaveState({ kind: "saving" });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void runSave(), DEBOUNCE_MS);
    },
    [runSave],
  );

  /** Saves now. Resolves true when everything is saved. */
  const saveNow = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    return runSave();
  }, [runSave]);

  /** After a conflict: take the newer version, or keep ours by saving over it deliberately. */
  const resolveConflict = useCallback(
    async (choice: "use-newer" | "keep-mine") => {
      if (saveState.kind !== "conflict") return;
      const newer = saveState.newer;
      version.current = newer.version;
      blocked.current = false;
      if (choice === "use-newer") {
        latest.current = newer.draft;
        dirty.current = false;
        setDraft(newer.draft);
        setSaveState({ kind: "saved", at: newer.updatedAt });
      } else {
        dirty.current = true;
        await runSave();
      }
    },
    [runSave, saveState],
  );

  // Warn before leaving with unsaved changes.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current || saving.current) {
        event.preventDefault();
        event.returnValue = "";
      }
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  // Back online: try again.
  useEffect(() => {
    const retry = () => void runSave();
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [runSave]);

  const currentVersion = useCallback(() => version.current, []);

  return { draft, saveState, change, saveNow, resolveConflict, currentVersion };
}
