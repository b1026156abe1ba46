import type { ReactNode } from "react";

import type { CurrentUser } from "@/lib/server/auth/guards";
import { getIsvSettings } from "@/lib/server/settings/isv-settings";

import { SiteHeader } from "./site-header";

export async function AppShell({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const settings = await getIsvSettings();
  return (
    <>
      <SiteHeader user={user} portalName={settings.portalName} logoUrl={settings.logoUrl} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </>
  );
}
