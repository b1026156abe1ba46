import type { Metadata } from "next";
import Link from "next/link";

import { CustomerImportForm } from "@/components/staff/customer-import";
import { RefreshWhileRunning } from "@/components/staff/refresh-while-running";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { DRAFT_COLUMNS, REQUIRED_COLUMNS } from "@/lib/customer-import/columns";
import { requireStaff } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";
import { recentImports, type ImportStatus } from "@/lib/server/customer-import/import-status";

export const metadata: Metadata = { title: "Import customers" };

const STATE_LABEL: Record<ImportStatus["state"], string> = {
  CHECKED: "Checked, not started",
  RUNNING: "Importing",
  DONE: "Done",
};

export default async function ImportsPage() {
  await guardPage(requireStaff);
  const imports = await recentImports();
  return (
    <>
      <PageHeader
        title="Import customers"
        description="Bring your existing customers in from a CSV file: each becomes an organization with its first user invited, and its draft filled in with what the file gives."
      />
      <RefreshWhileRunning running={imports.some((i) => i.state === "RUNNING")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Check a file, then import it">
          <CustomerImportForm />
        </Card>
        <Card title="Columns">
          <p className="mb-2 text-sm text-slate-700">
            The first line names the columns, in any order. A customer whose external id is already in the portal is
            left as it is, so a file can be imported again safely.
          </p>
          <table className="w-full text-left text-sm" aria-label="Columns of the file">
            <tbody className="divide-y divide-slate-100">
              {[
                ...REQUIRED_COLUMNS.map((c) => ({ ...c, required: true })),
                ...DRAFT_COLUMNS.map((c) => ({ ...c, required: false })),
              ].map((column) => (
                <tr key={column.column}>
                  <th scope="row" className="py-1 pr-3 font-mono text-xs font-normal">
                    {column.column}
                  </th>
                  <td className="py-1">
                    {column.meaning} {column.required ? <strong>Required.</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
      <section className="mt-8" aria-labelledby="imports-heading">
        <h2 id="imports-heading" className="text-lg font-semibold text-slate-900">
          Imports
        </h2>
        {imports.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No import yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 text-sm" aria-label="Imports">
            {imports.map((run) => (
              <ImportRun key={run.id} run={run} />
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm">
          <Link href="/staff/imports" className="text-brand-700 underline">
            Show the latest progress
          </Link>
        </p>
      </section>
    </>
  );
}

function ImportRun({ run }: { run: ImportStatus }) {
  const done = run.rows.INVITED + run.rows.SKIPPED + run.rows.FAILED;
  return (
    <li className="py-3" aria-label={`Import ${run.fileName}`}>
      <p className="font-medium text-slate-900">
        {run.fileName} <span className="ml-1 text-xs text-slate-500">{STATE_LABEL[run.state]}</span>
      </p>
      <p className="text-slate-600">
        Checked {formatDateTime(run.createdAt)}
        {run.finishedAt ? ` · finished ${formatDateTime(run.finishedAt)}` : ""}
      </p>
      {run.state !== "CHECKED" ? (
        <>
          <label className="mt-1 block text-slate-700">
            <span>
              {done} of {run.rowCount} rows: {run.rows.INVITED} invited, {run.rows.SKIPPED} already customers,{" "}
              {run.rows.FAILED} failed
            </span>
            <progress className="mt-1 block w-full" max={run.rowCount} value={done} />
          </label>
          {run.failures.length ? (
            <ul className="mt-1 list-disc pl-5 text-red-700">
              {run.failures.map((failure) => (
                <li key={failure.line}>
                  Line {failure.line} ({failure.externalId}): {failure.message}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </li>
  );
}
