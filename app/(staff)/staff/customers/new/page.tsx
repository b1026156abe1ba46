import type { Metadata } from "next";

import { NewCustomerForm } from "@/components/staff/new-customer-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStaff } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";

export const metadata: Metadata = { title: "Add customer" };

export default async function NewCustomerPage() {
  await guardPage(requireStaff);
  return (
    <div className="max-w-2xl">
      <PageHeader title="Add customer" description="Create the customer's organization and invite its first user." />
      <Card>
        <NewCustomerForm />
      </Card>
    </div>
  );
}
