import { StatusPill } from "@/components/dashboard/status-pill";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { ApplicationStatusBadge } from "@/components/ui/status-badge";
import { campaignStatusLabel } from "@/lib/dashboard/status-labels";
import type { CampaignStaffView } from "@/lib/server/campaigns/campaign-staff-view";

/**
 * The customer's campaign as staff review it: every field with the pre-submission review's
 * findings next to it (and the Twilio error each prevents), and where it stands at Twilio.
 */
export function CampaignReviewCard({ campaign }: { campaign: CampaignStaffView }) {
  return (
    <Card
      title="A2P campaign"
      description={
        campaign.submittedAt
          ? `Sent ${formatDateTime(campaign.submittedAt)} · version ${campaign.version}`
          : "The customer is still writing it."
      }
      actions={
        <span data-testid="campaign-status">
          <ApplicationStatusBadge status={campaign.status} />
        </span>
      }
    >
      <div className="space-y-4" data-testid="campaign-review">
        {campaign.twilio ? (
          <div className="rounded-md bg-slate-50 px-3 py-2 text-sm" data-testid="campaign-at-twilio">
            <p>
              At Twilio:{" "}
              <StatusPill status={campaign.twilio.status} label={campaignStatusLabel(campaign.twilio.status)} />{" "}
              <span className="font-mono text-xs text-slate-600">{campaign.twilio.sid}</span>
              {campaign.twilio.useCase ? <span className="text-slate-600"> · {campaign.twilio.useCase}</span> : null}
            </p>
            {campaign.twilio.errors.length ? (
              <ul className="mt-1 list-disc pl-5 text-red-800">
                {campaign.twilio.errors.map((error) => (
                  <li key={error}>{error}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {campaign.overrideReason ? (
          <p className="text-sm text-slate-700">
            <span className="font-medium">Approved over the findings because:</span> {campaign.overrideReason}
          </p>
        ) : null}
        <p className="text-sm text-slate-700" data-testid="campaign-findings-summary">
          {campaign.findingCount
            ? `Pre-submission review: ${campaign.findingCount} likely cause${campaign.findingCount === 1 ? "" : "s"} of rejection, next to the fields below.`
            : campaign.withinLimits
              ? "Pre-submission review: nothing found."
              : "Not complete yet: some fields are outside Twilio's limits."}
        </p>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[minmax(0,12rem)_1fr]">
          {campaign.rows.map((row) => (
            <div key={row.key} className="contents">
              <dt className="text-slate-600">{row.label}</dt>
              <dd className="break-words whitespace-pre-wrap text-slate-900">
                {row.key === "usAppToPersonUsecase" && campaign.useCaseName && row.value
                  ? `${campaign.useCaseName} (${row.value})`
                  : row.value || <span className="text-slate-400">—</span>}
                {row.findings.map((finding) => (
                  <span
                    key={finding.rule + finding.message}
                    className="mt-1 block rounded bg-amber-50 px-2 py-1 text-amber-900"
                    data-testid="campaign-finding"
                  >
                    {finding.message} <span className="text-xs">(Twilio error {finding.code})</span>
                  </span>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </Card>
  );
}
