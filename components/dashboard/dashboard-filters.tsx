import Form from "next/form";
import Link from "next/link";
import { STAGE_IDS, STAGES } from "@/lib/dashboard/stages";
import { bundleStatusLabel, brandStatusLabel } from "@/lib/dashboard/status-labels";
import { BRAND_STATUSES, DASHBOARD_SORTS, PROFILE_STATUSES, type DashboardQuery } from "@/lib/schemas/dashboard";

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none";

/**
 * Search, filters and sort as a GET form: the address bar holds the state (shareable, survives a
 * reload) and the page works without JavaScript; next/form navigates without a full reload.
 */
export function DashboardFilters({ query }: { query: DashboardQuery }) {
  return (
    <Form action="/staff" role="search" aria-label="Find customers" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6">
      <div className="sm:col-span-2">
        <label htmlFor="dashboard-q" className="block text-sm font-medium text-slate-800">
          Search
        </label>
        <input id="dashboard-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Business name, registration number or email" className={control} />
      </div>
      <div>
        <label htmlFor="dashboard-stage" className="block text-sm font-medium text-slate-800">
          Stage
        </label>
        <select id="dashboard-stage" name="stage" defaultValue={query.stage ?? ""} className={control}>
          <option value="">All stages</option>
          <option value="attention">Needs attention</option>
          {STAGE_IDS.map((stage) => (
            <option key={stage} value={stage}>
              {STAGES[stage].label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="dashboard-profile" className="block text-sm font-medium text-slate-800">
          Profile status
        </label>
        <select id="dashboard-profile" name="profile" defaultValue={query.profile ?? ""} className={control}>
          <option value="">Any</option>
          {PROFILE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {bundleStatusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="dashboard-brand" className="block text-sm font-medium text-slate-800">
          Brand status
        </label>
        <select id="dashboard-brand" name="brand" defaultValue={query.brand ?? ""} className={control}>
          <option value="">Any</option>
          {BRAND_STATUSES.map((status) => (
            <option key={status} value={status}>
              {brandStatusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="dashboard-sort" className="block text-sm font-medium text-slate-800">
          Sort by
        </label>
        <select id="dashboard-sort" name="sort" defaultValue={query.sort} className={control}>
          {DASHBOARD_SORTS.map((sort) => (
            <option key={sort.value} value={sort.value}>
              {sort.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-6">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">
          Apply
        </button>
        <Link href="/staff" className="text-sm font-medium text-brand-700 hover:underline">
          Clear
        </Link>
      </div>
    </Form>
  );
}
