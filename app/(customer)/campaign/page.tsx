import type { Metadata } from "next";
import Link from "next/link";

import { DeferredCampaignForm } from "@/components/campaign/deferred-campaign-form";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requireCustomer } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";
import { loadCampaignPage } from "@/lib/server/loaders/campaign";

export const metadata: Metadata = { title: "Messaging campaign" };

export default async function CampaignPage() {
  const user = await guardPage(requireCustomer);
  const { application, data } = await loadCampaignPage(user.organizationId);
  return (
    <>
      <PageHeader
        title="Your A2P messaging campaign"
        description="What you will send, to whom, and how people agree to receive it. Carriers vet every campaign before your numbers can send."
      />
      {application && data ? (
        // Keyed by status: after sending (or a reopening) the form starts over from the server's data.
        <DeferredCampaignForm key={data.snapshot.status} applicationId={application.id} {...data} />
      ) : (
        <EmptyState title="Not open yet">
          The campaign step opens once your brand is approved by The Campaign Registry. We will email you then.{" "}
          <Link href="/home" className="font-medium text-brand-700 hover:underline">
            Back to your home page
          </Link>
        </EmptyState>
      )}
    </>
  );
}
