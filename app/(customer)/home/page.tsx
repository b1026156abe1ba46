import type { Metadata } from "next";
import Link from "next/link";

import { BrandVerificationCard } from "@/components/brand/brand-verification-card";
import { SenderNumbers } from "@/components/campaign/sender-numbers";
import { ApprovalProgress } from "@/components/customer/approval-progress";
import { CampaignCard } from "@/components/customer/campaign-card";
import { ApplicationStatusPanel } from "@/components/dashboard/application-status-panel";
import { NumberSearch } from "@/components/numbers/number-search";
import { buttonClasses } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { ApplicationStatusBadge } from "@/components/ui/status-badge";
import { requireCustomer } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";
import { loadCustomerHome } from "@/lib/server/loaders/customer-home";

export const metadata: Metadata = { title: "Home" };

const nextSteps = [
  {
    title: "Tell us about your business",
    text: "Business information, authorized representatives, address and company type.",
  },
  { title: "Our team reviews it", text: "We check your details and may ask you to fix a field or two." },
  {
    title: "We register you with Twilio",
    text: "Trust Hub profile, A2P brand and messaging service. Carriers take from a few hours to a few weeks.",
  },
];

export default async function CustomerHomePage() {
  const user = await guardPage(requireCustomer);
  const { organization, application, progress, status, campaign, verification, senders, manageSenders, numbers } =
    await loadCustomerHome(user.organizationId);
  return (
    <>
      <PageHeader
        title={`Welcome${user.name ? `, ${user.name}` : ""}`}
        description={`Messaging registration for ${organization.name}`}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {application ? (
            <Card title="Your application" actions={<ApplicationStatusBadge status={application.status} />}>
              <p className="text-sm text-slate-700">
                {application.status === "DRAFT"
                  ? application.version > 1
                    ? `Your answers are saved (last change ${formatDateTime(application.updatedAt)}). Continue where you left off, then send it for review.`
                    : "Tell us about your business in four short steps. Your answers are saved as you type, so you can stop and come back at any time."
                  : application.status === "CHANGES_REQUESTED"
                    ? "Our team asked for a few changes. Open the application to see what to fix, then send it again."
                    : `Sent for review${application.submittedAt ? ` on ${formatDateTime(application.submittedAt)}` : ""}. We will email you if anything needs to change.`}
              </p>
              <div className="mt-4">
                <Link
                  href="/onboarding"
                  className={buttonClasses(
                    application.status === "SUBMITTED" || application.status === "APPROVED" ? "secondary" : "primary",
                  )}
                >
                  {application.status === "DRAFT"
                    ? application.version > 1
                      ? "Continue your registration"
                      : "Start your registration"
                    : application.status === "CHANGES_REQUESTED"
                      ? "Fix and send again"
                      : "View your application"}
                </Link>
              </div>
            </Card>
          ) : (
            <EmptyState title="No application yet">Your provider has not opened an application for you yet.</EmptyState>
          )}
        </div>
        {application && progress && application.status !== "DRAFT" ? (
          <Card title="Approval progress">
            <ApprovalProgress applicationId={application.id} initial={progress} />
          </Card>
        ) : (
          <Card title="What happens next">
            <ol className="space-y-3 text-sm">
              {nextSteps.map((step, index) => (
                <li key={step.title} className="flex gap-3">
                  <span
                    aria-hidden
                    className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-700"
                  >
                    {index + 1}
                  </span>
                  <span>
                    <span className="block font-medium text-slate-900">{step.title}</span>
                    <span className="text-slate-600">{step.text}</span>
                  </span>
                </li>
              ))}
            </ol>
          </Card>
        )}
      </div>
      {verification ? (
        <div className="mt-6">
          <Card
            title={verification.method === "sms-otp" ? "Verify your brand by text message" : "Authentication+ email"}
          >
            <BrandVerificationCard view={verification} />
          </Card>
        </div>
      ) : null}
      {campaign?.open ? (
        <div className="mt-6 grid gap-6 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <CampaignCard campaign={campaign} />
          </div>
          <Card title="Sender numbers">
            <SenderNumbers
              applicationId={application!.id}
              numbers={senders?.numbers ?? []}
              canManage={manageSenders}
              error={senders?.error ?? null}
            />
          </Card>
        </div>
      ) : null}
      {numbers ? (
        <div className="mt-6">
          <Card title="Your phone numbers" description="Numbers your business sends and calls from.">
            {numbers.error ? <p className="text-sm text-amber-800">{numbers.error}</p> : null}
            {numbers.numbers.length === 0 ? (
              <p className="text-sm text-slate-600">You have no numbers yet.</p>
            ) : (
              <ul className="text-sm" data-testid="own-numbers">
                {numbers.numbers.map((number) => (
                  <li key={number.phoneNumberSid} className="py-1 font-mono">
                    {number.phoneNumber}
                  </li>
                ))}
              </ul>
            )}
            <div className="mt-4 border-t border-slate-100 pt-4">
              <h3 className="mb-2 text-sm font-semibold text-slate-800">Get a local number</h3>
              <NumberSearch organizationId={organization.id} />
            </div>
          </Card>
        </div>
      ) : null}
      {status ? (
        <div className="mt-6">
          <ApplicationStatusPanel initial={status} audience="customer" />
        </div>
      ) : null}
    </>
  );
}
