import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { BrandVerificationCard } from "@/components/brand/brand-verification-card";
import { SenderNumbers } from "@/components/campaign/sender-numbers";
import { ReviewRows } from "@/components/onboarding/review-rows";
import { CampaignDecision, CampaignFieldCorrection } from "@/components/staff/campaign-decision";
import { CampaignReviewCard } from "@/components/staff/campaign-review-card";
import { EditFieldForm } from "@/components/staff/edit-field-form";
import { FeesSpent } from "@/components/staff/fees-spent";
import { HistoryList } from "@/components/staff/history-list";
import { ProvisioningProgressPanel } from "@/components/staff/provisioning-progress";
import { ReviewActions } from "@/components/staff/review-actions";
import { TollfreeReview } from "@/components/staff/tollfree-review";
import { Card, PageHeader } from "@/components/ui/card";
import { ApplicationStatusBadge } from "@/components/ui/status-badge";
import { ShakenStirCard } from "@/components/voice/shaken-stir-card";
import { brandRegistrationFees } from "@/lib/campaign/twilio-fees";
import { applicationKind } from "@/lib/onboarding/schema/application";
import { requireStaff } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";
import { loadStaffApplication } from "@/lib/server/loaders/staff-application";

export const metadata: Metadata = { title: "Review application" };

export default async function ReviewApplicationPage({ params }: { params: Promise<{ applicationId: string }> }) {
  await guardPage(requireStaff);
  const { applicationId } = await params;
  const page = await loadStaffApplication(applicationId);
  if (!page) notFound();
  const { application, comments, history, draft, sections } = page;
  const { progress, campaign, senders, charges, resubmission, voice, verification, mockBrands, tollfree } = page;
  const fieldOptions = sections.flatMap((section) =>
    section.rows.map((row) => ({ value: `${section.step}.${row.field}`, label: `${section.title}: ${row.label}` })),
  );
  const openComments = comments.filter((comment) => !comment.resolvedAt);

  return (
    <>
      <PageHeader
        title={application.organization.name}
        description={`Application · version ${application.version}`}
        actions={<ApplicationStatusBadge status={application.status} />}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {campaign ? <CampaignReviewCard campaign={campaign} /> : null}
          {tollfree.map((verification) => (
            <TollfreeReview key={verification.id} verification={verification} />
          ))}
          {sections.map((section) => (
            <Card key={section.step} title={section.title}>
              <ReviewRows rows={section.rows} />
            </Card>
          ))}
        </div>
        <div className="space-y-6">
          {application.status === "SUBMITTED" ? (
            <Card title="Decision">
              <ReviewActions
                applicationId={application.id}
                fields={fieldOptions}
                fees={
                  // Mock brands cost nothing (Twilio's mock brand guide, #25 line 7).
                  mockBrands
                    ? []
                    : brandRegistrationFees(
                        applicationKind(draft) === "sole-proprietor" ||
                          draft.company?.brandType === "LOW_VOLUME_STANDARD",
                      )
                }
                resubmission={resubmission}
              />
            </Card>
          ) : null}
          {application.status === "SUBMITTED" ? (
            <Card title="Correct a field" description="For small fixes; the customer's version is kept in the history.">
              <EditFieldForm applicationId={application.id} fields={fieldOptions} />
            </Card>
          ) : null}
          {campaign?.status === "SUBMITTED" || campaign?.status === "APPROVED" ? (
            <Card title="Campaign decision">
              <CampaignDecision
                applicationId={application.id}
                status={campaign.status}
                approvedAt={campaign.approvedAt}
                findingCount={campaign.findingCount}
                withinLimits={campaign.withinLimits}
                approval={campaign.approval}
                fields={campaign.fieldOptions}
              />
            </Card>
          ) : null}
          {campaign?.status === "SUBMITTED" ? (
            <Card title="Correct a campaign field" description="Checked by Twilio's limits; recorded in the history.">
              <CampaignFieldCorrection applicationId={application.id} fields={campaign.fieldOptions} />
            </Card>
          ) : null}
          <Card title="Twilio provisioning">
            {/* Keyed by status: after approval the panel starts over from the server's fresh data. */}
            <ProvisioningProgressPanel key={application.status} applicationId={application.id} initial={progress} />
          </Card>
          {verification ? (
            <Card title={verification.method === "sms-otp" ? "One-time code" : "Authentication+"}>
              <BrandVerificationCard view={verification} />
            </Card>
          ) : null}
          {senders.serviceReady ? (
            <Card title="Sender numbers" description="The account's numbers in the customer's Messaging Service.">
              <SenderNumbers applicationId={application.id} numbers={senders.numbers} canManage error={senders.error} />
            </Card>
          ) : null}
          {voice.trustProduct || !voice.notYet ? (
            <Card title="SHAKEN/STIR" description="Signed caller ID for the numbers this customer calls from.">
              <ShakenStirCard applicationId={application.id} view={voice} />
            </Card>
          ) : null}
          <Card title="Twilio fees">
            <FeesSpent charges={charges} />
          </Card>
          {openComments.length ? (
            <Card title="Open comments">
              <ul className="space-y-2 text-sm">
                {openComments.map((comment) => (
                  <li key={comment.id}>
                    <span className="font-medium">{comment.field}</span> (
                    {comment.source === "twilio" ? "Twilio evaluation" : "staff"}): {comment.message}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card title="History">
            <HistoryList entries={history} />
          </Card>
        </div>
      </div>
    </>
  );
}
