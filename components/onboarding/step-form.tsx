import type { FormEventHandler, ReactNode } from "react";

/**
 * A wizard step's form: posted (never a GET, so nothing typed lands in a URL), checked by the
 * step's own schema rather than the browser's, in the wizard's card.
 */
export function StepForm({ onSubmit, children }: { onSubmit: FormEventHandler<HTMLFormElement>; children: ReactNode }) {
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="space-y-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      {children}
    </form>
  );
}
