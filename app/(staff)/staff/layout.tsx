import type { ReactNode } from "react";

import { AppShell } from "@/components/layout/app-shell";
import { requireStaff } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";
import { getIsvSettings } from "@/lib/server/settings/isv-settings";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await guardPage(requireStaff);
  const { mockBrands } = await getIsvSettings();
  return (
    <AppShell user={user}>
      {mockBrands ? (
        // On every staff page while it is on: a mock brand never reaches TCR and cannot send.
        <p
          role="status"
          data-testid="mock-brands-banner"
          className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm font-medium text-amber-900"
        >
          Mock brands are on: new brands are registered with Twilio&apos;s Mock flag, never reach The Campaign Registry
          and cannot send real messages. Turn it off in Settings.
        </p>
      ) : null}
      {children}
    </AppShell>
  );
}
