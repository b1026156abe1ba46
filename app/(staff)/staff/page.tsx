import type { Metadata } from "next";
import Link from "next/link";

import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { StaffDashboard } from "@/components/dashboard/staff-dashboard";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { parseDashboardQuery } from "@/lib/dashboard/schema";
import { requireStaff } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";
import { listDashboard } from "@/lib/server/dashboard/list-dashboard";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersDashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage(requireStaff);
  const query = parseDashboardQuery(await searchParams);
  const dashboard = await listDashboard(query);
  const addButton = (
    <Link href="/staff/customers/new" className={buttonClasses("primary")}>
      Add customer
    </Link>
  );
  if (dashboard.totalAll === 0) {
    return (
      <>
        <PageHeader title="Customers" description="Businesses registering for A2P 10DLC messaging through you." />
        <EmptyState title="No customers yet" action={addButton}>
          Add a customer to invite its first user. They will fill in their business details themselves and send them to
          you for review.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Customers"
        description="Where every customer stands, from the first draft to a verified campaign. Updates by itself."
        actions={addButton}
      />
      <div className="space-y-6">
        <DashboardFilters query={query} />
        <StaffDashboard key={JSON.stringify(query)} query={query} initial={dashboard} />
      </div>
    </>
  );
}
