/**
 * The staff dashboard's address-bar state without zod: the values the filter form offers and the
 * query written back as search params. The browser's dashboard loads this, not the schema that
 * reads a query (schema.ts, on the server), so that its page carries no schema library (#27 line 1).
 */
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

export type DashboardQuery = {
  q?: string;
  stage?: string;
  profile?: string;
  brand?: string;
  sort: string;
  page: number;
};

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
