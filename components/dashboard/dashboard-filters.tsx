import Form from "next/form";
import Link from "next/link";

import { BRAND_STATUSES, DASHBOARD_SORTS, PROFILE_STATUSES, type DashboardQuery } from "@/lib/dashboard/query";
import { STAGE_IDS, STAGES } from "@/lib/dashboard/stages";
import { brandStatusLabel, bundleStatusLabel } from "@/lib/dashboard/status-labels";

const control =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none";

function FilterSelect({
  id,
  name,
  label,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={control}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Search, filters and sort as a GET form: the address bar holds the state (shareable, survives a
 * reload) and the page works without JavaScript; next/form navigates without a full reload.
 */
export function DashboardFilters({ query }: { query: DashboardQuery }) {
  return (
    <Form
      action="/staff"
      role="search"
      aria-label="Find customers"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6"
    >
      <div className="sm:col-span-2">
        <label htmlFor="dashboard-q" className="block text-sm font-medium text-slate-800">
          Search
        </label>
        <input
          id="dashboard-q"
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          placeholder="Business name, registration number or email"
          className={control}
        />
      </div>
      <FilterSelect
        id="dashboard-stage"
        name="stage"
        label="Stage"
        value={query.stage}
        options={[
          { value: "", label: "All stages" },
          { value: "attention", label: "Needs attention" },
          ...STAGE_IDS.map((stage) => ({ value: stage, label: STAGES[stage].label })),
        ]}
      />
      <FilterSelect
        id="dashboard-profile"
        name="profile"
        label="Profile status"
        value={query.profile}
        options={[
          { value: "", label: "Any" },
          ...PROFILE_STATUSES.map((status) => ({ value: status, label: bundleStatusLabel(status) })),
        ]}
      />
      <FilterSelect
        id="dashboard-brand"
        name="brand"
        label="Brand status"
        value={query.brand}
        options={[
          { value: "", label: "Any" },
          ...BRAND_STATUSES.map((status) => ({ value: status, label: brandStatusLabel(status) })),
        ]}
      />
      <FilterSelect id="dashboard-sort" name="sort" label="Sort by" value={query.sort} options={DASHBOARD_SORTS} />
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-6">
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          Apply
        </button>
        <Link href="/staff" className="text-sm font-medium text-brand-700 hover:underline">
          Clear
        </Link>
      </div>
    </Form>
  );
}
