import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { OnboardingWizard } from "@/components/onboarding/wizard";
import { EmptyState } from "@/components/ui/card";
import { STEPS, type StepId } from "@/lib/onboarding/schema/application";
import { requireCustomer } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";
import { loadOnboardingStep } from "@/lib/server/loaders/onboarding-step";

export async function generateMetadata({ params }: { params: Promise<{ step: string }> }): Promise<Metadata> {
  const { step } = await params;
  return { title: STEPS.find((candidate) => candidate.id === step)?.title ?? "Registration" };
}

export default async function OnboardingStepPage({ params }: { params: Promise<{ step: string }> }) {
  const user = await guardPage(requireCustomer);
  const { step } = await params;
  if (!STEPS.some((candidate) => candidate.id === step)) notFound();
  const wizard = await loadOnboardingStep(user.organizationId);
  if (!wizard)
    return <EmptyState title="No application yet">Your provider has not opened an application for you yet.</EmptyState>;
  return (
    <OnboardingWizard
      key={step}
      applicationId={wizard.applicationId}
      snapshot={wizard.snapshot}
      step={step as StepId}
      comments={wizard.comments}
      check={wizard.check}
    />
  );
}
