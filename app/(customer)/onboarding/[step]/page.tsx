import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { OnboardingWizard } from "@/components/onboarding/wizard";
import { EmptyState } from "@/components/ui/card";
import { STEPS, type StepId } from "@/lib/onboarding/schema/application";
import { snapshot } from "@/lib/server/applications/application-draft";
import { getCustomerHome } from "@/lib/server/applications/customer-home";
import { openComments } from "@/lib/server/applications/review";
import { requireCustomer } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";

export async function generateMetadata({ params }: { params: Promise<{ step: string }> }): Promise<Metadata> {
  const { step } = await params;
  return { title: STEPS.find((candidate) => candidate.id === step)?.title ?? "Registration" };
}

export default async function OnboardingStepPage({ params }: { params: Promise<{ step: string }> }) {
  const user = await guardPage(requireCustomer);
  const { step } = await params;
  if (!STEPS.some((candidate) => candidate.id === step)) notFound();
  const { application } = await getCustomerHome(user.organizationId);
  if (!application)
    return <EmptyState title="No application yet">Your provider has not opened an application for you yet.</EmptyState>;
  const comments = application.status === "CHANGES_REQUESTED" ? await openComments(application.id) : {};
  return (
    <OnboardingWizard
      key={step}
      applicationId={application.id}
      snapshot={snapshot(application)}
      step={step as StepId}
      comments={comments}
    />
  );
}
