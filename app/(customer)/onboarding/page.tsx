import { redirect } from "next/navigation";

import { STEPS } from "@/lib/onboarding/schema/application";
import { getCustomerHome } from "@/lib/server/applications/customer-home";
import { requireCustomer } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";

/** Resumes where the customer left off. */
export default async function OnboardingIndex() {
  const user = await guardPage(requireCustomer);
  const { application } = await getCustomerHome(user.organizationId);
  const step = STEPS.find((candidate) => candidate.id === application?.currentStep)?.id ?? "business";
  redirect(`/onboarding/${step}`);
}
