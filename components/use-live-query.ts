"use client";

import { QueryClient, useQuery } from "@tanstack/react-query";
import { useState } from "react";

/** How often a live view refetches while something it shows is under way, and when all is quiet. */
export const LIVE_BUSY_MS = 5_000;
export const LIVE_QUIET_MS = 60_000;

const options = { defaultOptions: { queries: { refetchIntervalInBackground: false, retry: 1 } } };
let browserClient: QueryClient | undefined;

/**
 * TanStack Query's client, handed to each live view rather than through a provider around every
 * page: only the pages with a live view load TanStack Query (#27 line 1: the wizard, the campaign
 * form and the public pages carried it for nothing). One client per browser tab; on the server, one
 * per render, so that nothing one request fetched is ever served to another.
 */
function liveQueryClient(): QueryClient {
  if (typeof window === "undefined") return new QueryClient(options);
  if (!browserClient) {
    browserClient = new QueryClient(options);
    // What QueryClientProvider would do: listen for the tab's focus and the network coming back.
    browserClient.mount();
  }
  return browserClient;
}

/**
 * A server-rendered value kept live: polls `url` (JSON) at the interval the latest answer asks for.
 * Polling pauses in background tabs (the QueryClient's refetchIntervalInBackground is off).
 */
export function useLiveQuery<T>(
  key: readonly unknown[],
  url: string,
  initial: T,
  intervalMs: (latest: T) => number,
): { data: T; isError: boolean } {
  const [client] = useState(liveQueryClient);
  const query = useQuery(
    {
      queryKey: key,
      queryFn: async (): Promise<T> => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`status ${response.status}`);
        return response.json();
      },
      initialData: initial,
      refetchInterval: (current) => intervalMs(current.state.data ?? initial),
    },
    client,
  );
  return { data: query.data ?? initial, isError: query.isError };
}
