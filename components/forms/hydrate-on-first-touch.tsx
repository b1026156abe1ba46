"use client";

import { lazy, Suspense, use, useEffect, useRef, type ComponentType, type ReactNode } from "react";

import { touchedBefore } from "./changed-inputs";
import { useHydrating } from "./use-hydrating";

/**
 * A form whose code (react-hook-form, its fields) loads at the customer's first touch of the page
 * rather than with it (#27 line 1, decision 0025): the server renders it in full, so it is on the
 * screen, readable and typeable (plain inputs) from the first paint; React leaves that HTML as it
 * is until the first focus, pointer or key anywhere on the page, then downloads the form's code and
 * hydrates it. What was typed, picked or ticked before is kept (use-input-before-hydration.ts);
 * on a slow load where that happened before any script ran, it hydrates at once. A click on a button
 * of the form before its code has run (Next, Back, a submit by Enter) is held and made again once
 * it has, instead of posting the page without it. Rendered on the client after the first load (a
 * client-side move to another step), the form loads at once.
 */
export function HydrateOnFirstTouch({ children }: { children: ReactNode }) {
  const region = useRef<HTMLDivElement>(null);
  const hydrated = useRef(false);
  const held = useRef<HTMLElement | null>(null);

  useEffect(() => {
    // React itself ignores a click on HTML it has not hydrated yet and lets the browser act on it.
    const hold = (event: MouseEvent) => {
      const target =
        event.target instanceof Element ? event.target.closest<HTMLElement>("button, [type=submit]") : null;
      if (hydrated.current || !target || !region.current?.contains(target)) return;
      event.preventDefault();
      event.stopPropagation();
      held.current = target;
    };
    document.addEventListener("click", hold, true);
    // On a slow load the user may have typed or picked before any script ran: no touch to wait for.
    if (region.current && touchedBefore(region.current)) touchNow();
    return () => document.removeEventListener("click", hold, true);
  }, []);

  const onHydrated = () => {
    hydrated.current = true;
    const click = held.current;
    held.current = null;
    // After React's own effects, so that the form's handlers are attached.
    if (click) setTimeout(() => click.click(), 0);
  };

  return (
    <div ref={region}>
      <Suspense fallback={null}>
        <UntilFirstTouch>
          <Hydrated onHydrated={onHydrated} />
          {children}
        </UntilFirstTouch>
      </Suspense>
    </div>
  );
}

function UntilFirstTouch({ children }: { children: ReactNode }) {
  // Only while React hydrates what the server rendered (the server itself never waits).
  if (useHydrating() && typeof window !== "undefined") use(firstTouch());
  return children;
}

function Hydrated({ onHydrated }: { onHydrated: () => void }) {
  const done = useRef(onHydrated);
  useEffect(() => done.current(), []);
  return null;
}

type TrackedPromise = Promise<void> & { status?: "fulfilled" };
let touched: { promise: TrackedPromise; resolve: () => void } | null = null;
const TOUCH_EVENTS = ["focusin", "pointerdown", "keydown", "touchstart"] as const;

/** Resolves at the first focus, pointer or key anywhere on the page (at once on the server). */
export function firstTouch(): Promise<void> {
  if (typeof window === "undefined") return Promise.resolve();
  if (touched) return touched.promise;
  let resolve!: () => void;
  const promise: TrackedPromise = new Promise<void>((done) => (resolve = done));
  touched = {
    promise,
    resolve: () => {
      for (const name of TOUCH_EVENTS) document.removeEventListener(name, touchNow, true);
      // React's use() reads this to go on without suspending again.
      promise.status = "fulfilled";
      resolve();
    },
  };
  // Capture on the document: before React's own listeners, which stop an event aimed at HTML that
  // has not hydrated yet.
  for (const name of TOUCH_EVENTS) document.addEventListener(name, touchNow, { capture: true, passive: true });
  return promise;
}

function touchNow() {
  void firstTouch();
  touched!.resolve();
}

/**
 * React.lazy for a component that loads in a chunk of its own in the browser, while the server
 * (whose bundle has it at hand) loads it as this module loads, so that its render completes with
 * the page's rather than after it. (React still sends a large boundary apart from the page's own
 * HTML, for a small inline script to move into place; app/layout.tsx shows it without JavaScript.)
 */
export function lazyComponent<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  let ready: ComponentType<Props> | null = null;
  if (typeof window === "undefined")
    void load().then((component) => {
      ready = component;
    });
  return lazy<ComponentType<Props>>(() =>
    ready
      ? // A thenable that answers at once: React renders it in the same pass.
        ({
          then: (resolve: (module: { default: ComponentType<Props> }) => void) => resolve({ default: ready! }),
        } as never)
      : load().then((component) => ({ default: component })),
  );
}
