"use client";

import { useSyncExternalStore } from "react";

const neverChanges = () => () => {};

/**
 * True while React renders on the server or hydrates what the server rendered; false in the
 * browser's own renders. React renders once more after hydrating, when the answer changes.
 */
export function useHydrating(): boolean {
  return useSyncExternalStore(
    neverChanges,
    () => false,
    () => true,
  );
}
