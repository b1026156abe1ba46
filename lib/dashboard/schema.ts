import { z } from "zod";

import { STAGE_IDS } from "@/lib/dashboard/stages";

export const DASHBOARD_SORTS = [
  { value: "attention", label: "Needs attention first" },
  { value: "activity", label: "Latest activity" },
  { value: "name", label: "Name (A–Z)" },
  { value: "progress", label: "Furthest along" },
  { value: "waiting", label: "Longest in stage" },
] as const;

export const PROFILE_STATUSES = ["draft", "pending-review", "in-review", "twilio-approved", "twilio-rejected"] as const;
export const BRAND_STATUSES = ["PENDING", "IN_REVIEW", "APPROVED", "FAILED", "SUSPENDED"] as const;
export const PAGE_SIZE = 25;

// A bad or stale value in the address bar falls back to "no filter" rather than an error page.
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

/** The staff dashboard's address-bar state, shared by the page, its API route and the filter form. */
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
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

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

/** The query back as search params, defaults left out. */
export function dashboardSearch(query: Partial<DashboardQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.stage) params.set("stage", query.stage);
  if (query.profile) params.set("profile", query.profile);
  if (query.brand) params.set("brand", query.brand);
  if (query.sort && query.sort !== "attention") params.set("sort", query.sort);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
