import type { Metadata } from "next";
import Link from "next/link";

import { StartAdoptionScan } from "@/components/staff/adoption";
import { AdoptionCustomers } from "@/components/staff/adoption-confirm";
import { RefreshWhileRunning } from "@/components/staff/refresh-while-running";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { adoptionCustomers, recentAdoptionRuns } from "@/lib/server/adoption/adoption-status";
import { adoptableOrganizations } from "@/lib/server/adoption/bring-in";
import { requireAdmin } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";

export const metadata: Metadata = { title: "Existing customers at Twilio" };

export default async function AdoptionPage() {
  await guardPage(requireAdmin);
  const [latest] = await recentAdoptionRuns(1);
  const customers = latest && latest.state !== "SCANNING" ? await adoptionCustomers(latest.id) : [];
  const organizationNames =
    latest?.state === "PROPOSED" ? (await adoptableOrganizations()).map((organization) => organization.name) : [];
  return (
    <>
      <PageHeader
        title="Existing customers at Twilio"
        description="What your Twilio account and its subaccounts already hold (profiles, brands, campaigns, numbers), read without changing anything, grouped into the customers they are."
      />
      <RefreshWhileRunning running={latest?.state === "SCANNING" || latest?.state === "ADOPTING"} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Scan">
          <p className="mb-3 text-sm text-slate-700">
            The scan only reads: it cannot create, change or pay for anything at Twilio, and changes nothing in the
            portal. Run it as often as you like.
          </p>
          <StartAdoptionScan />
        </Card>
        <Card title="Latest scan">
          {latest ? (
            <div className="space-y-2 text-sm" aria-label="Latest scan">
              <p>
                {latest.state === "SCANNING" ? "Reading" : "Read"} {latest.accountsRead} of {latest.accountsTotal}{" "}
                accounts · {latest.customersFound} customers found
                {latest.state === "ADOPTING" || latest.state === "ADOPTED"
                  ? ` · ${latest.customersAdopted} brought in${latest.state === "ADOPTING" ? " so far" : ""}`
                  : ""}{" "}
                · started {formatDateTime(latest.createdAt)}
              </p>
              <progress className="block w-full" max={latest.accountsTotal} value={latest.accountsRead}>
                {latest.accountsRead} of {latest.accountsTotal}
              </progress>
              {latest.accountErrors.map((failure) => (
                <p key={failure.accountSid} className="text-red-700">
                  {failure.accountSid}: {failure.error} (read again shortly)
                </p>
              ))}
              <p>
                <Link href="/staff/adoption" className="text-brand-700 underline">
                  Show the latest progress
                </Link>
              </p>
            </div>
          ) : (
            <p className="text-sm text-slate-600">No scan yet.</p>
          )}
        </Card>
      </div>
      {latest && latest.state !== "SCANNING" ? (
        <section className="mt-8" aria-labelledby="found-heading">
          <h2 id="found-heading" className="text-lg font-semibold text-slate-900">
            Customers found ({customers.length})
          </h2>
          <AdoptionCustomers
            runId={latest.id}
            customers={customers}
            confirming={latest.state === "PROPOSED"}
            organizationNames={[...new Set(organizationNames)]}
          />
        </section>
      ) : null}
    </>
  );
}
