import { describe, expect, it } from "vitest";

import { applicationProblems, checkDraft, stepFieldErrors } from "@/lib/onboarding/draft-check";
import { parseApplication } from "@/lib/onboarding/schema/application";
import { stepStatus } from "@/lib/onboarding/step-status";

import { ACME } from "../../support/acme";

// What the server sends with a wizard page in place of the schemas (#27 line 1): it must say what
// the browser's own checks would say once they load.
describe("the saved draft as the server checks it for the wizard's first render", () => {
  it("finds nothing to fix in the seeds' Acme, Inc.", () => {
    const check = checkDraft(ACME);
    expect(check.statuses).toEqual({ business: "done", representatives: "done", address: "done", company: "done" });
    expect(check.problems).toEqual([]);
    expect(Object.values(check.fieldErrors).every((errors) => Object.keys(errors).length === 0)).toBe(true);
  });

  it("names a wrong field by its path within the step, with the schema's message", () => {
    const draft = {
      ...ACME,
      representatives: { ...ACME.representatives, primary: { ...ACME.representatives.primary, email: "not-an-email" } },
    };
    const check = checkDraft(draft);
    expect(check.statuses.representatives).toBe("has-errors");
    expect(Object.keys(check.fieldErrors.representatives)).toEqual(["primary.email"]);
    expect(check.fieldErrors.representatives["primary.email"]).toMatch(/email/i);
    expect(check.problems).toEqual([
      { step: "representatives", path: "primary.email", message: check.fieldErrors.representatives["primary.email"] },
    ]);
  });

  it("agrees with the step status and the whole-application parse for an empty draft", () => {
    const check = checkDraft({});
    for (const step of ["business", "representatives", "address", "company"] as const)
      expect(check.statuses[step]).toBe(stepStatus({}, step));
    expect(check.statuses.business).toBe("not-started");
    const parsed = parseApplication({});
    expect(parsed.success).toBe(false);
    expect(applicationProblems({}).length).toBe(parsed.error!.issues.length);
    // A step never opened still names each missing field, not the step as a whole.
    expect(Object.keys(stepFieldErrors({}, "representatives"))).toContain("primary.firstName");
  });
});
