import type { Metadata } from "next";
import Link from "next/link";

import { NumberSearch } from "@/components/numbers/number-search";
import { TollfreeForm } from "@/components/tollfree/tollfree-form";
import { Alert } from "@/components/ui/alert";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ApplicationStatusBadge } from "@/components/ui/status-badge";
import { tollfreeStatusLabel } from "@/lib/dashboard/status-labels";
import { requireCustomer } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";
import { loadTollfreePage } from "@/lib/server/loaders/tollfree";

export const metadata: Metadata = { title: "Toll-free verification" };

export default async function TollfreePage({ searchParams }: { searchParams: Promise<{ number?: string }> }) {
  const user = await guardPage(requireCustomer);
  const { number } = await searchParams;
  const chosenSid = typeof number === "string" && /^PN[0-9a-fA-F]{32}$/.test(number) ? number : null;
  const { organization, application, mayBuy, numbers, chosen, chosenNotFound } = await loadTollfreePage(
    user.organizationId,
    chosenSid,
  );
  return (
    <>
      <PageHeader
        title="Toll-free verification"
        description="A toll-free number can send text messages in the US and Canada only once Twilio has verified how you use it."
      />
      {!application ? (
        <EmptyState title="Start your registration first">
          Tell us about your business first; the verification starts from those answers.{" "}
          <Link href="/onboarding" className="font-medium text-brand-700 hover:underline">
            Start
          </Link>
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {chosenNotFound ? <Alert tone="error">That is not one of your toll-free numbers.</Alert> : null}
          <Card title="Your toll-free numbers">
            {numbers.length ? (
              <ul className="divide-y divide-slate-100 text-sm" data-testid="tollfree-numbers">
                {numbers.map((row) => (
                  <li key={row.phoneNumberSid} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span className="font-mono">{row.phoneNumber}</span>
                    <span className="flex items-center gap-2 text-slate-600">
                      {row.verification ? (
                        <>
                          <ApplicationStatusBadge status={row.verification.status} />
                          {row.verification.twilioStatus ? (
                            <span>Twilio: {tollfreeStatusLabel(row.verification.twilioStatus)}</span>
                          ) : null}
                        </>
                      ) : (
                        <span>Not verified</span>
                      )}
                      <Link
                        href={`/toll-free?number=${row.phoneNumberSid}`}
                        className="font-medium text-brand-700 hover:underline"
                        aria-label={`${row.verification ? "Open the verification of" : "Verify"} ${row.phoneNumber}`}
                      >
                        {row.verification ? "Open" : "Verify"}
                      </Link>
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">
                You have no toll-free number yet.{" "}
                {mayBuy ? "Find one below." : "Ask your provider for one; it then appears here."}
              </p>
            )}
          </Card>
          {mayBuy ? (
            <Card title="Get a toll-free number" description="Twilio's toll-free numbers, with what one costs a month.">
              <NumberSearch organizationId={organization.id} defaultKind="toll-free" />
            </Card>
          ) : null}
          {chosen ? (
            <section aria-labelledby="tollfree-form-title" className="space-y-3">
              <h2 id="tollfree-form-title" className="text-lg font-semibold text-slate-900">
                Verification of {chosen.snapshot.phoneNumber}
              </h2>
              {/* Keyed by status: after sending (or a reopening) the form starts over from the server's data. */}
              <TollfreeForm key={chosen.snapshot.status} {...chosen} />
            </section>
          ) : null}
        </div>
      )}
    </>
  );
}
