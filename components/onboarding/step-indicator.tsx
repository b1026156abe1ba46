"use client";

import { STEPS, type FormStepId } from "@/lib/onboarding/steps";

import { useValidator } from "./validator";
import { useWizard } from "./wizard-context";

const LABEL = { done: "done", "has-errors": "has errors", "not-started": "not started" } as const;

/** Where the customer is: each step done, current, or with something to fix; every step is a link. */
export function StepIndicator() {
  const { step: current, draft, goTo, savedCheck } = useWizard();
  const validator = useValidator();
  return (
    <nav aria-label="Registration steps">
      <ol className="flex flex-wrap gap-2 sm:gap-0 sm:divide-x sm:divide-slate-200 sm:rounded-lg sm:border sm:border-slate-200 sm:bg-white">
        {STEPS.map((step, index) => {
          const id = step.id as FormStepId;
          // The saved draft's status as the server checked it, until the checks load and follow the typing.
          const status =
            step.id === "review" ? null : validator ? validator.stepStatus(draft, id) : savedCheck.statuses[id];
          const isCurrent = step.id === current;
          const badge =
            status === "done" ? (
              <span
                aria-hidden
                className="flex h-6 w-6 items-center justify-center rounded-full bg-emerald-600 text-xs text-white"
              >
                ✓
              </span>
            ) : status === "has-errors" && !isCurrent ? (
              <span
                aria-hidden
                className="flex h-6 w-6 items-center justify-center rounded-full bg-amber-500 text-xs font-bold text-white"
              >
                !
              </span>
            ) : (
              <span
                aria-hidden
                className={`flex h-6 w-6 items-center justify-center rounded-full text-xs font-semibold ${isCurrent ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-600"}`}
              >
                {index + 1}
              </span>
            );
          return (
            <li key={step.id} className="sm:flex-1">
              <a
                href={`/onboarding/${step.id}`}
                aria-current={isCurrent ? "step" : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  void goTo(step.id);
                }}
                className={`flex items-center gap-2 rounded-md px-3 py-2 text-sm ${isCurrent ? "font-semibold text-brand-700" : "text-slate-700 hover:bg-slate-50"}`}
              >
                {badge}
                <span>
                  {step.title}
                  {status ? (
                    <span className="sr-only">
                      {" "}
                      ({isCurrent ? "current step, " : ""}
                      {LABEL[status]})
                    </span>
                  ) : isCurrent ? (
                    <span className="sr-only"> (current step)</span>
                  ) : null}
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
