"use client";

import { useSyncExternalStore } from "react";

/**
 * The wizard's checks (zod, its schemas, libphonenumber's metadata: about 90 KB gzipped, and most
 * of the page's start-up script time), loaded when the customer first touches the form rather than
 * with the page. Until then the wizard shows what the server checked on the saved draft
 * (lib/onboarding/draft-check.ts); a check asked for before the load (the form's resolver) waits for it.
 */
export type Validator = typeof import("./step-validation");

let loaded: Validator | null = null;
let loading: Promise<Validator> | null = null;
const listeners = new Set<() => void>();

export function loadValidator(): Promise<Validator> {
  loading ??= import("./step-validation").then(
    (module) => {
      loaded = module;
      for (const listener of listeners) listener();
      return module;
    },
    (error: unknown) => {
      // A failed download (connection lost) is tried again at the next touch.
      loading = null;
      throw error;
    },
  );
  return loading;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The checks once loaded, null before (and on the server, which renders from its own check). */
export function useValidator(): Validator | null {
  return useSyncExternalStore(
    subscribe,
    () => loaded,
    () => null,
  );
}
