"use client";

import { useLiveQuery } from "@/components/use-live-query";
import type { ProvisioningProgress } from "@/lib/provisioning/views";

import { RetryProvisioningForm } from "./retry-provisioning-form";

const STATE_LABELS: Record<string, string> = {
  QUEUED: "Queued",
  RUNNING: "Running",
  WAITING: "Waiting on Twilio",
  NEEDS_CUSTOMER: "Back with the customer",
  FAILED: "Stopped: needs attention",
  DONE: "Done",
};

/** Live provisioning progress: polls every 2 s while work is under way, every 30 s otherwise. */
export function ProvisioningProgressPanel({
  applicationId,
  initial,
}: {
  applicationId: string;
  initial: ProvisioningProgress;
}) {
  const { data } = useLiveQuery(
    ["provisioning", applicationId],
    `/api/applications/${applicationId}/provisioning`,
    initial,
    (latest) => (["QUEUED", "RUNNING"].includes(latest.state ?? "") ? 2000 : 30_000),
  );
  if (!data.state)
    return (
      <p className="text-sm text-slate-600">Not started. Approving the application starts provisioning at Twilio.</p>
    );
  return (
    <div className="space-y-3 text-sm" data-testid="provisioning-progress">
      <p>
        <span className="font-medium">Status:</span>{" "}
        <span data-testid="provisioning-state">{STATE_LABELS[data.state] ?? data.state}</span>
        {data.currentStep && ["QUEUED", "RUNNING"].includes(data.state) ? (
          <span className="text-slate-600"> — {data.currentStep}</span>
        ) : null}
      </p>
      {data.retryAt ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
          Twilio did not answer properly; trying again at{" "}
          <time dateTime={data.retryAt}>{data.retryAt.replace("T", " ").slice(0, 16)} UTC</time> (attempt{" "}
          {data.retriesLater + 1} of {data.maxRetriesLater}).
        </p>
      ) : null}
      {data.lastError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {data.lastErrorCode ? `Twilio error ${data.lastErrorCode}: ` : ""}
          {data.lastError}
        </p>
      ) : null}
      <RetryProvisioningForm applicationId={applicationId} stopped={data.state === "FAILED"} />
      {data.resources.length ? (
        <table className="w-full table-fixed text-left text-xs">
          <caption className="sr-only">Twilio resources</caption>
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="w-2/5 py-1 pr-3 font-medium">
                Step
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                SID
              </th>
              <th scope="col" className="w-1/4 py-1 font-medium">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {data.resources.map((resource) => (
              <tr key={resource.step} className="border-t border-slate-100">
                <td className="py-1 pr-3 break-words">{resource.step}</td>
                <td className="py-1 pr-3 font-mono break-all">{resource.sid}</td>
                <td className="py-1 break-words">{resource.status ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
