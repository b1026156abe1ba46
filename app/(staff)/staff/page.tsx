import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { ApplicationStatusBadge } from "@/components/ui/status-badge";
import { requireStaff } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";
import { listCustomers } from "@/lib/server/organizations/list-customers";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  await guardPage(requireStaff);
  const customers = await listCustomers();
  const addButton = (
    <Link href="/staff/customers/new" className={buttonClasses("primary")}>
      Add customer
    </Link>
  );
  return (
    <>
      <PageHeader title="Customers" description="Businesses registering for A2P 10DLC messaging through you." actions={customers.length ? addButton : null} />
      {customers.length === 0 ? (
        <EmptyState title="No customers yet" action={addButton}>
          Add a customer to invite its first user. They will fill in their business details themselves and send them to you for review.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3">Customer</th>
                <th scope="col" className="px-4 py-3">Application</th>
                <th scope="col" className="px-4 py-3">Users</th>
                <th scope="col" className="px-4 py-3">Added</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {customers.map((customer) => (
                <tr key={customer.id} className="hover:bg-slate-50">
                  <td className="px-4 py-3 font-medium">
                    <Link href={`/staff/customers/${customer.id}`} className="text-brand-700 hover:underline">
                      {customer.name}
                    </Link>
                  </td>
                  <td className="px-4 py-3">{customer.applicationStatus ? <ApplicationStatusBadge status={customer.applicationStatus} /> : "—"}</td>
                  <td className="px-4 py-3 text-slate-700">
                    {customer.userCount}
                    {customer.pendingInvitations ? <span className="ml-2 text-xs text-slate-500">({customer.pendingInvitations} invited)</span> : null}
                  </td>
                  <td className="px-4 py-3 text-slate-600">{formatDate(customer.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
