"use client";

import Link from "next/link";

import { formatDateTime, formatDuration } from "@/components/ui/format";
import { LIVE_BUSY_MS, LIVE_QUIET_MS, useLiveQuery } from "@/components/use-live-query";
import {
  brandStatusLabel,
  bundleStatusLabel,
  campaignStatusLabel,
  identityStatusLabel,
} from "@/lib/dashboard/status-labels";
import type { ApplicationStatusView } from "@/lib/dashboard/status-views";
import type { Audience } from "@/lib/dashboard/timeline";

import { StageBadge } from "./stage-badge";
import { StatusPill } from "./status-pill";

const TONE_DOT = { info: "bg-slate-400", good: "bg-emerald-600", bad: "bg-red-600" } as const;

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm" aria-label={title} data-testid={testId}>
      <h2 className="border-b border-slate-100 px-5 py-3 text-base font-semibold text-slate-900">{title}</h2>
      <div className="px-5 py-4 text-sm">{children}</div>
    </section>
  );
}

/**
 * An application's live status for its customer or for staff: stage, Twilio statuses, what to fix
 * (linked to the wizard field for the customer), what happens next, and the timeline.
 */
export function ApplicationStatusPanel({
  initial,
  audience,
  reviewHref,
}: {
  initial: ApplicationStatusView;
  audience: Audience;
  reviewHref?: string;
}) {
  const { data } = useLiveQuery(
    ["application-status", initial.applicationId],
    `/api/applications/${initial.applicationId}/status`,
    initial,
    (latest) => (latest.pending ? LIVE_BUSY_MS : LIVE_QUIET_MS),
  );
  const fieldLink = (field: { label: string; href: string | null }) =>
    audience === "customer" && field.href ? (
      <Link href={field.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        Fix {field.label}
      </Link>
    ) : reviewHref ? (
      <Link href={reviewHref} className="font-medium text-brand-700 hover:underline">
        {field.label}
      </Link>
    ) : (
      <span className="font-medium">{field.label}</span>
    );

  const since = Date.parse(data.generatedAt) - Date.parse(data.stageSince);
  return (
    <div className="space-y-6" data-testid="application-status">
      <Section title="Registration status" testId="registration-status">
        <div className="flex flex-wrap items-center gap-3">
          <span data-testid="application-stage">
            <StageBadge stage={data.stage} stuck={data.stuck} />
          </span>
          <span className="text-slate-600">for {formatDuration(since)}</span>
        </div>
        {data.stuck ? (
          <p className="mt-2 text-amber-900">
            This is taking longer than Twilio usually does.{" "}
            {audience === "staff"
              ? "Check the resource at Twilio or contact Twilio support."
              : "Our team has been alerted."}
          </p>
        ) : null}
        <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3">
          {[
            ["Business profile", data.statuses.profile, bundleStatusLabel(data.statuses.profile), "profile"],
            ["A2P profile", data.statuses.trustProduct, bundleStatusLabel(data.statuses.trustProduct), "trust-product"],
            ["Brand", data.statuses.brand, brandStatusLabel(data.statuses.brand), "brand"],
            ["Identity", data.statuses.identity, identityStatusLabel(data.statuses.identity), "identity"],
            ["Campaign", data.statuses.campaign, campaignStatusLabel(data.statuses.campaign), "campaign"],
            ...(data.statuses.shakenStir
              ? [["SHAKEN/STIR", data.statuses.shakenStir, bundleStatusLabel(data.statuses.shakenStir), "shaken-stir"]]
              : []),
          ]
            .map(([label, status, words, key]) => [label ?? "", status ?? null, words ?? "—", key ?? ""] as const)
            .map(([label, status, words, key]) => (
              <div key={key}>
                <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</dt>
                <dd className="mt-1" data-status={key}>
                  <StatusPill status={status} label={words} />
                </dd>
              </div>
            ))}
          <div>
            <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Brand score</dt>
            <dd className="mt-1 tabular-nums">{data.statuses.brandScore ?? "—"}</dd>
          </div>
          {data.brandAttempts && data.statuses.brand?.toUpperCase() === "FAILED" ? (
            <div>
              <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Brand resubmissions</dt>
              <dd className="mt-1" data-status="brand-attempts">
                {data.brandAttempts.left
                  ? `${data.brandAttempts.left} of ${data.brandAttempts.limit} left`
                  : audience === "customer"
                    ? "None left: your provider will contact you"
                    : "None left: contact Twilio support, or register a new brand (a new fee)"}
              </dd>
            </div>
          ) : null}
          <div>
            <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Sender numbers</dt>
            <dd className="mt-1" data-status="senders">
              {data.senders.registered + data.senders.waiting + data.senders.failed === 0
                ? "—"
                : [
                    data.senders.registered ? `${data.senders.registered} registered for A2P` : null,
                    data.senders.waiting ? `${data.senders.waiting} not registered yet` : null,
                    data.senders.failed
                      ? `${data.senders.failed} failed to register (the reason is next to the number)`
                      : null,
                  ]
                    .filter(Boolean)
                    .join(", ")}
            </dd>
          </div>
        </dl>
      </Section>

      {data.evaluation.groups.length ? (
        <Section
          title={audience === "customer" ? "What Twilio needs you to fix" : "Evaluation failures"}
          testId="evaluation-failures"
        >
          {data.evaluation.corrected ? (
            <p className="mb-3 text-slate-600">Corrections were sent; Twilio evaluates again after our review.</p>
          ) : null}
          <ul className="space-y-4">
            {data.evaluation.groups.map((group) => (
              <li key={`${group.bundle}-${group.requirement}`}>
                <h3 className="font-semibold text-slate-900">
                  {group.title}{" "}
                  <span className="font-normal text-slate-500">
                    ({group.bundle}
                    {group.code ? `, error ${group.code}` : ""})
                  </span>
                </h3>
                <ul className="mt-2 space-y-2">
                  {group.items.map((item, index) => (
                    <li
                      key={index}
                      className="rounded-md border border-amber-200 bg-amber-50 p-3"
                      data-failure-field={item.field ?? ""}
                    >
                      <p className="text-slate-900">
                        {item.message}
                        {item.code ? (
                          <span className="ml-1 text-xs text-slate-500">(Twilio error {item.code})</span>
                        ) : null}
                      </p>
                      {item.explanation && item.explanation !== item.message ? (
                        <p className="mt-1 text-slate-700">{item.explanation}</p>
                      ) : null}
                      {item.fieldLabel ? (
                        <p className="mt-1">{fieldLink({ label: item.fieldLabel, href: item.href })}</p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {data.problems.length ? (
        <Section
          title={audience === "customer" ? "Why Twilio did not approve" : "Twilio errors"}
          testId="twilio-problems"
        >
          <ul className="space-y-3">
            {data.problems.map((problem, index) => (
              <li key={index} className="rounded-md border border-red-200 bg-red-50 p-3">
                <p className="font-medium text-slate-900">
                  {problem.source}
                  {problem.code ? (
                    <span className="ml-1 font-normal text-slate-600">— error {problem.code}</span>
                  ) : null}
                </p>
                <p className="mt-1 text-slate-900">{problem.description}</p>
                {problem.explanation && problem.explanation !== problem.description ? (
                  <p className="mt-1 text-slate-700">{problem.explanation}</p>
                ) : null}
                {problem.fields.length ? (
                  <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
                    {problem.fields.map((field) => (
                      <li key={field.field}>{fieldLink(field)}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title="What happens next" testId="next-step">
        <p className="font-medium text-slate-900">{data.next.title}</p>
        <p className="mt-1 text-slate-700">{data.next.text}</p>
        {data.next.wait ? <p className="mt-1 text-slate-600">Usual wait: {data.next.wait}.</p> : null}
      </Section>

      <Section title="Timeline" testId="timeline">
        {data.timeline.length === 0 ? (
          <p className="text-slate-600">Nothing has happened yet.</p>
        ) : (
          <ol className="space-y-3">
            {data.timeline.map((event, index) => (
              <li key={`${event.at}-${index}`} className="flex gap-3">
                <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${TONE_DOT[event.tone]}`} />
                <span>
                  <span className="block text-slate-900">{event.title}</span>
                  <span className="text-xs text-slate-500">
                    <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                    {event.detail ? ` · ${event.detail}` : ""}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        )}
      </Section>
    </div>
  );
}
