"use client";

import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState } from "react";

import { AutosaveConflict } from "@/components/forms/draft-conflict-alert";
import { Alert } from "@/components/ui/alert";
import { formatDateTime } from "@/components/ui/format";
import type { DraftCheck } from "@/lib/onboarding/draft-check";
import { STEPS, type StepId } from "@/lib/onboarding/steps";
import type { DraftSnapshot } from "@/lib/onboarding/views";

import { SaveStatus } from "./save-status";
import { StepIndicator } from "./step-indicator";
import { AddressStep } from "./steps/address-step";
import { BusinessStep } from "./steps/business-step";
import { CompanyStep } from "./steps/company-step";
import { RepresentativesStep } from "./steps/representatives-step";
import { ReviewStep } from "./steps/review-step";
import { useDraftAutosave } from "./use-draft-autosave";
import { loadValidator } from "./validator";
import { WizardContext, type WizardContextValue } from "./wizard-context";

const STEP_COMPONENTS = {
  business: BusinessStep,
  representatives: RepresentativesStep,
  address: AddressStep,
  company: CompanyStep,
  review: ReviewStep,
};

// A failed download is tried again at the next touch; a check waiting on it says so itself.
const loadChecks = () => void loadValidator().catch(() => undefined);

export function OnboardingWizard({
  applicationId,
  snapshot,
  step,
  comments = {},
  check,
}: {
  applicationId: string;
  snapshot: DraftSnapshot;
  step: StepId;
  comments?: Record<string, string[]>;
  check: DraftCheck;
}) {
  const router = useRouter();
  const { draft, saveState, update, saveNow, resolveConflict, currentVersion } = useDraftAutosave(
    applicationId,
    snapshot,
    step,
  );
  const [revision, setRevision] = useState(0);
  const readOnly = !["DRAFT", "CHANGES_REQUESTED"].includes(snapshot.status);

  const goTo = useCallback(
    async (target: StepId) => {
      // Unsaved answers would be lost on the next page: stay until they are saved (the status says why).
      if (!readOnly && !(await saveNow())) return;
      router.push(`/onboarding/${target}`);
    },
    [readOnly, router, saveNow],
  );

  const value = useMemo<WizardContextValue>(
    () => ({
      applicationId,
      step,
      draft,
      readOnly,
      comments,
      savedCheck: check,
      revision,
      saveState,
      update,
      saveNow,
      currentVersion,
      goTo,
    }),
    [applicationId, step, draft, readOnly, comments, check, revision, saveState, update, saveNow, currentVersion, goTo],
  );
  const Step = STEP_COMPONENTS[step];
  const title = STEPS.find((candidate) => candidate.id === step)!.title;

  return (
    <WizardContext.Provider value={value}>
      {/* The checks load at the customer's first touch of the page (./validator.ts). */}
      <div
        className="space-y-6"
        onFocusCapture={loadChecks}
        onPointerDownCapture={loadChecks}
        onKeyDownCapture={loadChecks}
      >
        <StepIndicator />
        {readOnly ? (
          <Alert tone="info" title="Sent for review">
            {snapshot.submittedAt ? `You sent this application on ${formatDateTime(snapshot.submittedAt)}. ` : ""}
            Our team is reviewing it; you can read it here, and we will let you know if anything needs to change.
          </Alert>
        ) : null}
        {Object.keys(comments).length && !readOnly ? (
          <Alert tone="warning" title="Please update your application">
            Our review found{" "}
            {Object.keys(comments).length === 1 ? "one thing" : `${Object.keys(comments).length} things`} to fix. Each
            is shown next to its field; when you are done, send the application again from the last step.
          </Alert>
        ) : null}
        <AutosaveConflict
          noun="application"
          saveState={saveState}
          resolveConflict={resolveConflict}
          onTookNewer={() => setRevision((n) => n + 1)}
        />
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
          <SaveStatus />
        </div>
        <Step key={revision} />
      </div>
    </WizardContext.Provider>
  );
}
