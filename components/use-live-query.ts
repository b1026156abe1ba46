"use client";

import type { QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

/** How often a live view refetches while something it shows is under way, and when all is quiet. */
export const LIVE_BUSY_MS = 5_000;
export const LIVE_QUIET_MS = 60_000;

let browserClient: Promise<{
  client: QueryClient;
  QueryObserver: typeof import("@tanstack/react-query").QueryObserver;
}>;

/**
 * TanStack Query, loaded when a live view first needs it: at its first refetch, after the page has
 * shown the server's answer (#27 line 1: it was a tenth of the customer's home page's first load,
 * on pages that do not refetch for five seconds or a minute). One client per browser tab, listening
 * for the tab's focus and the network coming back as QueryClientProvider would.
 */
function liveQueries() {
  browserClient ??= import("@tanstack/react-query").then(({ QueryClient, QueryObserver }) => {
    const client = new QueryClient({ defaultOptions: { queries: { refetchIntervalInBackground: false, retry: 1 } } });
    client.mount();
    return { client, QueryObserver };
  });
  return browserClient;
}

// Views on screen, by key: what refreshLiveQuery asks to read again now.
const refreshers = new Map<string, Set<() => void>>();

/** Reads a live view's value again now (after an action changed it), wherever it is on the page. */
export function refreshLiveQuery(key: readonly unknown[]): void {
  for (const refresh of refreshers.get(JSON.stringify(key)) ?? []) refresh();
}

/**
 * A server-rendered value kept live: fetched once as the view mounts (the page may come from the
 * router's cache, older than now), then polled at the interval the latest answer asks for through
 * a TanStack Query observer (refetch on focus, never in a background tab), loaded for that first
 * refetch. A new key (a filter changed) starts from the new `initial`.
 */
export function useLiveQuery<T>(
  key: readonly unknown[],
  url: string,
  initial: T,
  intervalMs: (latest: T) => number,
): { data: T; isError: boolean } {
  const keyText = JSON.stringify(key);
  const [live, setLive] = useState<{ key: string; data: T; isError: boolean } | null>(null);
  const current = live?.key === keyText ? live : { key: keyText, data: initial, isError: false };

  useEffect(() => {
    let stopped = false;
    let unsubscribe = () => {};
    let start: ReturnType<typeof setTimeout> | undefined;
    let observed: { refetch: () => unknown } | null = null;
    const read = async (): Promise<T> => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`status ${response.status}`);
      return response.json();
    };
    const poll = (latest: T, fetchedAt: number) =>
      liveQueries().then(({ client, QueryObserver }) => {
        if (stopped) return;
        const observer = new QueryObserver<T>(client, {
          queryKey: [...key],
          queryFn: read,
          // Made at the interval's end: stale at once, so subscribing is the refetch that was due.
          initialData: latest,
          initialDataUpdatedAt: fetchedAt,
          refetchInterval: (query) => intervalMs(query.state.data ?? latest),
        });
        observed = observer;
        unsubscribe = observer.subscribe((result) => {
          if (!stopped) setLive({ key: keyText, data: result.data ?? latest, isError: result.isError });
        });
      });
    const refresh = () => {
      if (observed) void observed.refetch();
      else
        void read().then(
          (data) => !stopped && setLive({ key: keyText, data, isError: false }),
          () => !stopped && setLive((last) => ({ key: keyText, data: last?.data ?? initial, isError: true })),
        );
    };
    const mine = refreshers.get(keyText) ?? new Set();
    refreshers.set(keyText, mine.add(refresh));
    read().then(
      (data) => {
        if (stopped) return;
        setLive({ key: keyText, data, isError: false });
        start = setTimeout(() => void poll(data, Date.now()), intervalMs(data));
      },
      () => {
        if (stopped) return;
        setLive({ key: keyText, data: initial, isError: true });
        start = setTimeout(() => void poll(initial, 0), intervalMs(initial));
      },
    );
    return () => {
      stopped = true;
      mine.delete(refresh);
      if (!mine.size) refreshers.delete(keyText);
      clearTimeout(start);
      unsubscribe();
    };
    // The key (as text) and the address say which query this is; the rest is read when it starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keyText, url]);

  return { data: current.data, isError: current.isError };
}
