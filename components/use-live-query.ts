"use client";

import { useQuery } from "@tanstack/react-query";

/** How often a live view refetches while something it shows is under way, and when all is quiet. */
export const LIVE_BUSY_MS = 5_000;
export const LIVE_QUIET_MS = 60_000;

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
  const query = useQuery({
    queryKey: key,
    queryFn: async (): Promise<T> => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`status ${response.status}`);
      return response.json();
    },
    initialData: initial,
    refetchInterval: (current) => intervalMs(current.state.data ?? initial),
  });
  return { data: query.data ?? initial, isError: query.isError };
}
