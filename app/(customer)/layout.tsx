import type { ReactNode } from "react";

import { AppShell } from "@/components/layout/app-shell";
import { requireCustomer } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";

export default async function CustomerLayout({ children }: { children: ReactNode }) {
  const user = await guardPage(requireCustomer);
  return <AppShell user={user}>{children}</AppShell>;
}
