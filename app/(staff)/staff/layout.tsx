import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requireStaff } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await guardPage(requireStaff);
  return <AppShell user={user}>{children}</AppShell>;
}
