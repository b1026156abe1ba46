"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { reviewSections } from "@/lib/onboarding/review-sections";
import { STEPS } from "@/lib/onboarding/steps";
import { submitApplicationAction } from "@/lib/server/actions/onboarding-actions";

import { ReviewRows } from "../review-rows";
import { loadValidator, useValidator } from "../validator";
import { useWizard } from "../wizard-context";

const stepTitle = (step: string) => STEPS.find((candidate) => candidate.id === step)?.title ?? step;

/** Everything at a glance, an edit link per section, the whole-application check, and Send. */
export function ReviewStep() {
  const { draft, readOnly, goTo, saveNow, applicationId, currentVersion, savedCheck, revision } = useWizard();
  const validator = useValidator();
  const router = useRouter();
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const problemsRef = useRef<HTMLDivElement>(null);

  // The review shows the saved draft, as the server checked it; a draft replaced here (a newer
  // version taken after a conflict) is checked in the browser.
  useEffect(() => {
    if (revision > 0) void loadValidator().catch(() => undefined);
  }, [revision]);
  const problems = validator && revision > 0 ? validator.applicationProblems(draft) : savedCheck.problems;

  async function send() {
    setServerError(null);
    if (problems.length) {
      problemsRef.current?.focus();
      return;
    }
    setSending(true);
    const saved = await saveNow();
    if (!saved) {
      setSending(false);
      setServerError(
        "Your latest changes could not be saved, so the application was not sent. Check the message above and try again.",
      );
      return;
    }
    const result = await submitApplicationAction({ applicationId, expectedVersion: currentVersion() });
    setSending(false);
    if (!result.ok) {
      setServerError(result.formError ?? "The application could not be sent.");
      return;
    }
    setSent(true);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      {sent ? (
        <Alert tone="success" title="Sent for review">
          Thank you. Our team will review your application and let you know by email if anything needs to change.
        </Alert>
      ) : null}
      {problems.length && !readOnly ? (
        <div
          ref={problemsRef}
          tabIndex={-1}
          role="alert"
          className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900 outline-none"
        >
          <p className="font-semibold">Some answers need attention before you can send the application:</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {problems.map((problem, index) => (
              <li key={index}>
                <a
                  href={`/onboarding/${problem.step}`}
                  className="underline"
                  onClick={(event) => {
                    event.preventDefault();
                    void goTo(problem.step);
                  }}
                >
                  {stepTitle(problem.step)}
                </a>
                : {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {reviewSections(draft).map((section) => (
        <section
          key={section.step}
          aria-labelledby={`review-${section.step}`}
          className="rounded-lg border border-slate-200 bg-white shadow-sm"
        >
          <header className="flex items-center justify-between gap-3 border-b border-slate-100 px-5 py-3">
            <h2 id={`review-${section.step}`} className="text-base font-semibold text-slate-900">
              {section.title}
            </h2>
            {readOnly ? null : (
              <a
                href={`/onboarding/${section.step}`}
                className="text-sm font-medium text-brand-700 hover:underline"
                onClick={(event) => {
                  event.preventDefault();
                  void goTo(section.step);
                }}
              >
                Edit<span className="sr-only"> {section.title}</span>
              </a>
            )}
          </header>
          <div className="px-5 py-4">
            <ReviewRows rows={section.rows} />
          </div>
        </section>
      ))}
      {serverError ? <Alert tone="error">{serverError}</Alert> : null}
      {readOnly ? null : (
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-5">
          <Button variant="secondary" onClick={() => void goTo("company")}>
            Back
          </Button>
          <Button onClick={() => void send()} disabled={sending}>
            {sending ? "Sending…" : "Send for review"}
          </Button>
        </div>
      )}
    </div>
  );
}
