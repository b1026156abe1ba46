import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ApplicationStatusPanel } from "@/components/dashboard/application-status-panel";
import { NumberSearch } from "@/components/numbers/number-search";
import { OrganizationNumbers } from "@/components/numbers/organization-numbers";
import { CustomerAccountForm } from "@/components/staff/customer-account-form";
import { FeesSpent } from "@/components/staff/fees-spent";
import { HistoryList } from "@/components/staff/history-list";
import { InviteCustomerUserForm } from "@/components/staff/invite-user-form";
import { MemberControls } from "@/components/staff/member-controls";
import { RemindersForm } from "@/components/staff/reminders-form";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { ApplicationStatusBadge } from "@/components/ui/status-badge";
import { requireStaff } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";
import { isAdmin } from "@/lib/server/auth/policy";
import { loadStaffCustomer } from "@/lib/server/loaders/staff-customer";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerDetailPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const staff = await guardPage(requireStaff);
  const { organizationId } = await params;
  const page = await loadStaffCustomer(organizationId);
  if (!page) notFound();
  const { customer, history, locked, status, charges, numbers } = page;
  const latest = customer.applications[0];
  return (
    <>
      <PageHeader title={customer.name} description={`Customer since ${formatDateTime(customer.createdAt)}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Application">
          {customer.applications.length === 0 ? (
            <p className="text-sm text-slate-600">No application yet.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {customer.applications.map((application) => (
                <li key={application.id} className="flex flex-wrap items-center justify-between gap-3">
                  <ApplicationStatusBadge status={application.status} />
                  <span className="text-slate-600">Last change {formatDateTime(application.updatedAt)}</span>
                  <Link
                    href={`/staff/applications/${application.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {application.status === "SUBMITTED"
                      ? "Review application"
                      : application.campaign?.status === "SUBMITTED"
                        ? "Review campaign"
                        : "Open application"}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {charges ? (
          <Card title="Twilio fees" description="What this customer's registration has cost at Twilio.">
            <FeesSpent charges={charges} />
          </Card>
        ) : null}
        <Card title="Users" description="People at this customer who can sign in.">
          {customer.users.length === 0 ? (
            <p className="text-sm text-slate-600">Nobody has accepted an invitation yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {customer.users.map((user) => (
                <li key={user.id} className="py-2">
                  <p className="font-medium text-slate-900">{user.name ?? user.email}</p>
                  <p className="text-slate-600">
                    {user.email} ·{" "}
                    {user.lastSignInAt ? `last signed in ${formatDateTime(user.lastSignInAt)}` : "never signed in"}
                  </p>
                  {isAdmin(staff) ? (
                    <MemberControls userId={user.id} label={user.name ?? user.email} role="CUSTOMER" />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {customer.invitations.length ? (
            <div className="mt-4">
              <h3 className="text-sm font-semibold text-slate-800">Open invitations</h3>
              <ul className="mt-1 text-sm text-slate-600">
                {customer.invitations.map((invitation) => (
                  <li key={invitation.id}>
                    {invitation.email} · expires {formatDateTime(invitation.expiresAt)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="mt-5 border-t border-slate-100 pt-4">
            <InviteCustomerUserForm organizationId={customer.id} />
          </div>
        </Card>
        <Card
          title="Reminders"
          description="Sent after a few days without a change, then less often, at most a few times."
        >
          <RemindersForm organizationId={customer.id} on={!customer.remindersOff} />
        </Card>
        <Card title="Twilio account" description="Where this customer's Trust Hub and messaging resources are created.">
          {isAdmin(staff) ? (
            <CustomerAccountForm organizationId={customer.id} accountSid={customer.twilioAccountSid} locked={locked} />
          ) : (
            <p className="font-mono text-sm">{customer.twilioAccountSid ?? "your ISV account"}</p>
          )}
        </Card>
        <Card
          title="Phone numbers"
          description="The numbers this customer sends and calls from. A customer sees and uses only its own."
        >
          <OrganizationNumbers organizationId={customer.id} {...numbers} />
          <div className="mt-5 border-t border-slate-100 pt-4">
            <h3 className="mb-2 text-sm font-semibold text-slate-800">Buy a number for this customer</h3>
            <NumberSearch organizationId={customer.id} />
          </div>
        </Card>
        {status && latest ? (
          <div className="lg:col-span-2">
            <ApplicationStatusPanel initial={status} audience="staff" reviewHref={`/staff/applications/${latest.id}`} />
          </div>
        ) : null}
        <div className="lg:col-span-2">
          <Card title="Audit log" description="Every recorded action, newest first.">
            <HistoryList entries={history} />
          </Card>
        </div>
      </div>
    </>
  );
}
