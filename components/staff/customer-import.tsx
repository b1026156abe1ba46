"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { checkImportAction, startImportAction } from "@/lib/server/actions/import-actions";

/** Problems listed on the page at most; the count says how many more there are. */
const PROBLEMS_SHOWN = 500;

/**
 * Staff check a customer file first (the dry run: every problem by line and column, nothing
 * imported), then start the checked import. Both forms post before the page hydrates.
 */
export function CustomerImportForm() {
  const [state, check, checking] = useActionState(checkImportAction, null);
  const result = state?.ok ? state.data : null;
  const fileError = state && !state.ok ? state.fieldErrors?.file?.[0] : undefined;
  return (
    <div className="space-y-4">
      <form action={check} className="space-y-4">
        {state && !state.ok && state.formError && !fileError ? <Alert tone="error">{state.formError}</Alert> : null}
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
            Customer file (CSV)
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "import-file-error" : "import-file-hint"}
            className="mt-1 block w-full text-sm"
          />
          <p id="import-file-hint" className="mt-1 text-sm text-slate-600">
            The check imports nothing: it lists every problem by line and column.
          </p>
          {fileError ? (
            <p id="import-file-error" role="alert" className="mt-1 text-sm text-red-700">
              {fileError}
            </p>
          ) : null}
        </div>
        <Button type="submit" disabled={checking}>
          {checking ? "Checking…" : "Check the file"}
        </Button>
      </form>
      {result && result.problems.length > 0 ? <ImportProblems result={result} /> : null}
      {result?.importId ? <StartImport result={{ ...result, importId: result.importId }} /> : null}
    </div>
  );
}

function ImportProblems({
  result,
}: {
  result: { fileName: string; problems: { line: number; column: string | null; message: string }[] };
}) {
  const lines = new Set(result.problems.map((problem) => problem.line)).size;
  return (
    <div className="space-y-2">
      <Alert tone="error" title={`${result.fileName}: nothing was imported`}>
        {result.problems.length} {result.problems.length === 1 ? "problem" : "problems"} on {lines}{" "}
        {lines === 1 ? "line" : "lines"}. Fix the file and check it again.
      </Alert>
      <table className="w-full text-left text-sm" aria-label="Problems in the file">
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Line
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Column
            </th>
            <th scope="col" className="py-1 font-medium">
              Problem
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {result.problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
            <tr key={index}>
              <td className="py-1 pr-3 tabular-nums">{problem.line}</td>
              <td className="py-1 pr-3 font-mono text-xs">{problem.column ?? "—"}</td>
              <td className="py-1">{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.problems.length > PROBLEMS_SHOWN ? (
        <p className="text-sm text-slate-600">…and {result.problems.length - PROBLEMS_SHOWN} more.</p>
      ) : null}
    </div>
  );
}

function StartImport({
  result,
}: {
  result: { importId: string; fileName: string; newCustomers: number; existingCustomers: number };
}) {
  const [state, start, starting] = useActionState(startImportAction, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  if (state?.ok) return <Alert tone="success">Import started: its progress is below.</Alert>;
  return (
    <form action={start} className="space-y-3">
      <Alert tone="success" title={`${result.fileName} is ready to import`}>
        {result.newCustomers} new {result.newCustomers === 1 ? "customer" : "customers"}, each first user invited by
        email; {result.existingCustomers} already {result.existingCustomers === 1 ? "a customer" : "customers"} (left as
        they are).
      </Alert>
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <input type="hidden" name="importId" value={result.importId} />
      <Button type="submit" disabled={starting}>
        {starting
          ? "Starting…"
          : `Import ${result.newCustomers} ${result.newCustomers === 1 ? "customer" : "customers"}`}
      </Button>
    </form>
  );
}
