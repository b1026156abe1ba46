import type { Metadata } from "next";

import { InviteStaffForm } from "@/components/staff/invite-staff-form";
import { MemberControls } from "@/components/staff/member-controls";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { requireAdmin } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";
import { listStaff } from "@/lib/server/users/list-staff";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  await guardPage(requireAdmin);
  const staff = await listStaff();
  return (
    <>
      <PageHeader title="Team" description="Your staff who review customer applications." />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Staff members">
          <ul className="divide-y divide-slate-100 text-sm">
            {staff.map((member) => (
              <li key={member.id} className="py-2">
                <p className="font-medium text-slate-900">
                  {member.name ?? member.email}{" "}
                  <span className="ml-1 text-xs text-slate-500">
                    {member.role === "ADMIN" ? "Administrator" : "Staff"}
                  </span>
                </p>
                <p className="text-slate-600">
                  {member.email} ·{" "}
                  {member.lastSignInAt ? `last signed in ${formatDateTime(member.lastSignInAt)}` : "never signed in"}
                </p>
                <MemberControls userId={member.id} label={member.name ?? member.email} role={member.role} />
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Invite a staff member">
          <InviteStaffForm />
        </Card>
      </div>
    </>
  );
}
