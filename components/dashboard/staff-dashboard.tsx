"use client";

import Link from "next/link";

import { formatDateTime, formatDuration } from "@/components/ui/format";
import { LIVE_BUSY_MS, LIVE_QUIET_MS, useLiveQuery } from "@/components/use-live-query";
import { dashboardSearch, type DashboardQuery } from "@/lib/dashboard/query";
import { isUnderWay } from "@/lib/dashboard/stages";
import {
  brandStatusLabel,
  bundleStatusLabel,
  campaignStatusLabel,
  identityStatusLabel,
} from "@/lib/dashboard/status-labels";
import type { Dashboard } from "@/lib/dashboard/views";

import { ApprovalFunnel } from "./approval-funnel";
import { StageBadge } from "./stage-badge";
import { StageCounts } from "./stage-counts";
import { StatusPill } from "./status-pill";

function StatusCell({
  column,
  status,
  label,
}: {
  column: string;
  status: string | null;
  label: (status: string | null) => string;
}) {
  return (
    <td className="px-4 py-3" data-column={column}>
      <StatusPill status={status} label={label(status)} />
    </td>
  );
}

/** The staff dashboard, live: server-rendered first, then polled (never in a background tab). */
export function StaffDashboard({ query, initial }: { query: DashboardQuery; initial: Dashboard }) {
  const search = dashboardSearch(query);
  // Often while Twilio or our team is working on something shown; rarely when all is quiet.
  const { data, isError } = useLiveQuery(["dashboard", search], `/api/staff/dashboard${search}`, initial, (latest) =>
    latest.rows.some((row) => isUnderWay(row.stage)) ? LIVE_BUSY_MS : LIVE_QUIET_MS,
  );
  const now = new Date(data.generatedAt).getTime();
  const pageLink = (page: number) => `/staff${dashboardSearch({ ...query, page })}`;

  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="stages-heading">
          <h2 id="stages-heading" className="mb-3 text-base font-semibold text-slate-900">
            Customers per stage{" "}
            <span className="font-normal text-slate-500">({data.totalAll.toLocaleString("en-US")} in all)</span>
          </h2>
          <StageCounts counts={data.counts} attentionCount={data.attentionCount} query={query} />
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="funnel-heading">
          <h2 id="funnel-heading" className="mb-3 text-base font-semibold text-slate-900">
            Approval funnel
          </h2>
          <ApprovalFunnel steps={data.funnel} />
        </section>
      </div>

      <section aria-labelledby="list-heading">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="list-heading" className="text-base font-semibold text-slate-900">
            {data.total.toLocaleString("en-US")} customer{data.total === 1 ? "" : "s"}
            {query.q || query.stage || query.profile || query.brand ? " match" : ""}
          </h2>
          <div className="flex items-baseline gap-3 text-xs">
            <p className="text-slate-500" data-testid="dashboard-updated">
              {isError ? "Could not refresh; retrying. " : ""}Updated {formatDateTime(data.generatedAt)}
            </p>
            {/* Every page of these filters and this sort, not only the page shown. */}
            <a className="text-brand-700 underline" href={`/api/staff/dashboard/export${search}`} download>
              Export CSV
            </a>
          </div>
        </div>
        {data.rows.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
            No customer matches these filters.
          </p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="dashboard-table">
              <caption className="sr-only">Customers and the status of their registration</caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    Customer
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Stage
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Profile
                  </th>
                  <th scope="col" className="px-4 py-3">
                    A2P profile
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Brand
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Identity
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Score
                  </th>
                  <th scope="col" className="px-4 py-3">
                    Campaign
                  </th>
                  <th scope="col" className="px-4 py-3">
                    In stage
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.rows.map((row) => (
                  <tr
                    key={row.applicationId}
                    data-application={row.applicationId}
                    className={row.needsAction || row.stuck ? "bg-amber-50/50" : undefined}
                  >
                    <th scope="row" className="px-4 py-3 text-left font-medium">
                      <Link href={`/staff/customers/${row.organizationId}`} className="text-brand-700 hover:underline">
                        {row.name}
                      </Link>
                      {row.organizationName || row.registrationNumber ? (
                        <span className="block text-xs font-normal text-slate-500">
                          {[row.organizationName, row.registrationNumber].filter(Boolean).join(" · ")}
                        </span>
                      ) : null}
                    </th>
                    <td className="px-4 py-3" data-column="stage">
                      <StageBadge stage={row.stage} stuck={row.stuck} />
                      {row.remindersSent > 0 && row.lastReminderAt ? (
                        <p className="mt-1 text-xs text-slate-600">
                          Reminded {row.remindersSent} {row.remindersSent === 1 ? "time" : "times"}, last{" "}
                          {formatDateTime(row.lastReminderAt)}
                        </p>
                      ) : null}
                    </td>
                    <StatusCell column="profile" status={row.profileStatus} label={bundleStatusLabel} />
                    <StatusCell column="trust-product" status={row.trustProductStatus} label={bundleStatusLabel} />
                    <StatusCell column="brand" status={row.brandStatus} label={brandStatusLabel} />
                    <StatusCell column="identity" status={row.identityStatus} label={identityStatusLabel} />
                    <td className="px-4 py-3 tabular-nums" data-column="score">
                      {row.brandScore ?? <span className="text-slate-400">—</span>}
                    </td>
                    <StatusCell column="campaign" status={row.campaignStatus} label={campaignStatusLabel} />
                    <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                      {formatDuration(now - new Date(row.stageSince).getTime())}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data.pageCount > 1 ? (
          <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm">
            {data.page > 1 ? (
              <Link href={pageLink(data.page - 1)} className="font-medium text-brand-700 hover:underline" rel="prev">
                ← Previous
              </Link>
            ) : (
              <span />
            )}
            <span className="text-slate-600" aria-current="page">
              Page {data.page} of {data.pageCount.toLocaleString("en-US")}
            </span>
            {data.page < data.pageCount ? (
              <Link href={pageLink(data.page + 1)} className="font-medium text-brand-700 hover:underline" rel="next">
                Next →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
