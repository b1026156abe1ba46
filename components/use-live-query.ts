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

/**
 * A server-rendered value kept live: polls `url` (JSON) at the interval the latest answer asks for,
 * through a TanStack Query observer (refetch on focus, never in a background tab). Until the first
 * refetch it shows `initial`, what the server rendered; a new key (a filter changed) starts from the
 * new `initial`.
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
    const start = setTimeout(() => {
      void liveQueries().then(({ client, QueryObserver }) => {
        if (stopped) return;
        const observer = new QueryObserver<T>(client, {
          queryKey: [...key],
          queryFn: async (): Promise<T> => {
            const response = await fetch(url);
            if (!response.ok) throw new Error(`status ${response.status}`);
            return response.json();
          },
          refetchInterval: (query) => intervalMs(query.state.data ?? initial),
        });
        unsubscribe = observer.subscribe((result) => {
          if (result.data !== undefined || result.isError)
            setLive({ key: keyText, data: result.data ?? initial, isError: result.isError });
        });
      });
    }, intervalMs(initial));
    return () => {
      stopped = true;
      clearTimeout(start);
      unsubscribe();
    };
    // The key (as text) and the address say which query this is; the rest is read when it starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keyText, url]);

  return { data: current.data, isError: current.isError };
}
