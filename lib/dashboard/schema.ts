import { z } from "zod";

import { STAGE_IDS } from "@/lib/dashboard/stages";

import { BRAND_STATUSES, DASHBOARD_SORTS, PROFILE_STATUSES, type DashboardQuery } from "./query";

export { BRAND_STATUSES, DASHBOARD_SORTS, PAGE_SIZE, PROFILE_STATUSES, dashboardSearch } from "./query";

// A bad or stale value in the address bar falls back to "no filter" rather than an error page.
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

/** The staff dashboard's address-bar state as the page and its API route read it (the browser uses query.ts). */
export const dashboardQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
  stage: optionalEnum([...STAGE_IDS, "attention"] as unknown as readonly ["attention", ...string[]]),
  profile: optionalEnum(PROFILE_STATUSES),
  brand: optionalEnum(BRAND_STATUSES),
  sort: z
    .enum(DASHBOARD_SORTS.map((sort) => sort.value) as unknown as readonly ["attention", ...string[]])
    .catch("attention")
    .default("attention"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
}) satisfies z.ZodType<DashboardQuery, unknown>;
export type { DashboardQuery };

/** Search params (a URLSearchParams or Next's searchParams object) → a valid query. */
export function parseDashboardQuery(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): DashboardQuery {
  const entries =
    params instanceof URLSearchParams
      ? Object.fromEntries(params)
      : Object.fromEntries(
          Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
        );
  return dashboardQuerySchema.parse(entries);
}
