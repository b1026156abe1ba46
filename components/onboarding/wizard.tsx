"use client";

import { useRouter } from "next/navigation";
import { memo, useCallback, useEffect, useMemo, useState } from "react";

import { AutosaveConflict } from "@/components/forms/draft-conflict-alert";
import { firstTouch, HydrateOnFirstTouch, lazyComponent } from "@/components/forms/hydrate-on-first-touch";
import { Alert } from "@/components/ui/alert";
import { formatDateTime } from "@/components/ui/format";
import type { DraftCheck } from "@/lib/onboarding/draft-check";
import { STEPS, type StepId } from "@/lib/onboarding/steps";
import type { DraftSnapshot } from "@/lib/onboarding/views";

import { SaveStatus } from "./save-status";
import { StepIndicator } from "./step-indicator";
import { useDraftAutosave } from "./use-draft-autosave";
import { loadValidator } from "./validator";
import { WizardContext, type WizardContextValue } from "./wizard-context";

// Each step's form is a chunk of its own, loaded at the first touch of the page (HydrateOnFirstTouch).
const STEP_COMPONENTS = {
  business: lazyComponent(() => import("./steps/business-step").then((module) => module.BusinessStep)),
  representatives: lazyComponent(() =>
    import("./steps/representatives-step").then((module) => module.RepresentativesStep),
  ),
  address: lazyComponent(() => import("./steps/address-step").then((module) => module.AddressStep)),
  company: lazyComponent(() => import("./steps/company-step").then((module) => module.CompanyStep)),
  review: lazyComponent(() => import("./steps/review-step").then((module) => module.ReviewStep)),
};

/**
 * The step's form, apart from the wizard's own state: the server's HTML stays as it is until the
 * first touch (a re-render of the wizard before then must not reach it, or React would replace that
 * HTML with an empty placeholder while the form's code loads).
 */
const DeferredStep = memo(function DeferredStep({ step, revision }: { step: StepId; revision: number }) {
  const Step = STEP_COMPONENTS[step];
  return (
    <HydrateOnFirstTouch>
      <Step key={revision} />
    </HydrateOnFirstTouch>
  );
});

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
  // The checks come with the form's code, at the first touch (the form's own focus handlers run
  // only once it has hydrated).
  useEffect(() => void firstTouch().then(loadChecks), []);
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
        <DeferredStep step={step} revision={revision} />
      </div>
    </WizardContext.Provider>
  );
}
