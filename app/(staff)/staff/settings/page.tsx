import type { Metadata } from "next";

import { BrandingForm } from "@/components/staff/branding-form";
import { SettingsForm } from "@/components/staff/settings-form";
import { TwilioSettingsForm } from "@/components/staff/twilio-settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireAdmin } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";
import { loadSettings } from "@/lib/server/loaders/settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await guardPage(requireAdmin);
  const { settings, twilio, twilioValues } = await loadSettings();
  return (
    <>
      <PageHeader title="Settings" description="How the portal presents itself and where it sends Twilio requests." />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Portal">
          <SettingsForm
            portalName={settings.portalName}
            supportEmail={settings.supportEmail ?? ""}
            customersManageSenders={settings.customersManageSenders}
            customersBuyNumbers={settings.customersBuyNumbers}
            mockBrands={settings.mockBrands}
            mockBrandsForced={settings.mockBrandsForced}
          />
        </Card>
        <Card title="Branding" description="Your colour and logo on every page and email your customers see.">
          <BrandingForm
            brandColor={settings.brandColor ?? ""}
            logoUrl={settings.logoUrl}
            hasOwnLogo={settings.hasOwnLogo}
          />
        </Card>
        <Card
          title="Twilio connection"
          description="Set in the server's environment; credentials are never shown here."
        >
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">Mode</dt>
            <dd className="font-medium" data-testid="twilio-mode">
              {twilio.modeLabel}
            </dd>
            <dt className="text-slate-600">Account</dt>
            <dd className="font-mono text-xs">{twilio.accountSid ?? "not configured"}</dd>
          </dl>
        </Card>
        <div className="lg:col-span-2">
          <Card
            title="Trust Hub"
            description="Used on every Secondary Customer Profile and A2P Trust Product the portal creates."
          >
            <TwilioSettingsForm initial={twilioValues} />
          </Card>
        </div>
      </div>
    </>
  );
}
