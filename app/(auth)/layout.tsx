import type { ReactNode } from "react";

import { getIsvSettings } from "@/lib/server/settings/isv-settings";

export const dynamic = "force-dynamic";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const settings = await getIsvSettings();
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8 flex items-center gap-2 text-lg font-semibold text-slate-900">
        {/* eslint-disable-next-line @next/next/no-img-element -- the ISV's logo, served by the portal, needs no optimisation */}
        <img src={settings.logoUrl} alt="" height={32} className="h-8 w-auto max-w-40" />
        {settings.portalName}
      </div>
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">{children}</div>
      <p className="mt-6 max-w-md text-center text-xs text-slate-500">
        Register your business for US A2P 10DLC messaging and Twilio Trust Hub.
        {settings.supportEmail ? (
          <>
            {" "}
            Need help?{" "}
            <a className="underline" href={`mailto:${settings.supportEmail}`}>
              {settings.supportEmail}
            </a>
          </>
        ) : null}
      </p>
    </main>
  );
}
