import { isoDate } from "../core/clock";
import type { StoredResource } from "../core/store";
import type { Engine } from "../engine/engine";
import { EDIT_WINDOW_DAYS, REJECTIONS, rejectionsFor } from "./rules";

/**
 * A toll-free verification's life, as the resource reference gives its statuses (PENDING_REVIEW,
 * IN_REVIEW, TWILIO_APPROVED, TWILIO_REJECTED) and the onboarding guide its review ("Twilio reviews
 * TFV requests within three business days"): submitted or edited → PENDING_REVIEW, IN_REVIEW after
 * the review delay, decided after the approval delay (sandbox seconds). A rejection carries
 * `rejection_reasons` (`reason` and `code`), `rejection_reason` and `error_code` (the first), and
 * `edit_allowed` with `edit_expiration` seven days on when every reason may be resubmitted.
 */
export function submitVerification(engine: Engine, verification: StoredResource): void {
  const now = engine.now();
  engine.store.update(verification, { status: "PENDING_REVIEW", ...NOT_REJECTED }, now);
  engine.schedule(verification.sid, engine.delays.reviewSeconds, "IN_REVIEW");
}

const NOT_REJECTED = {
  rejection_reason: null,
  rejection_reasons: null,
  error_code: null,
  edit_allowed: null,
  edit_expiration: null,
};

export function verificationStep(engine: Engine, verification: StoredResource, step: string): void {
  const now = engine.now();
  if (step === "IN_REVIEW") {
    engine.store.update(verification, { status: "IN_REVIEW" }, now);
    engine.schedule(verification.sid, engine.delays.approvalSeconds, "decide");
    return;
  }
  if (step === "decide")
    return verificationStep(
      engine,
      verification,
      rejectionsFor(verification.fields).length ? "TWILIO_REJECTED" : "TWILIO_APPROVED",
    );
  if (step === "TWILIO_APPROVED") {
    engine.store.update(verification, { status: "TWILIO_APPROVED", ...NOT_REJECTED }, now);
    return;
  }
  if (step === "TWILIO_REJECTED") {
    const found = rejectionsFor(verification.fields);
    // The control API's rejection of a submission with no trigger word: the name mismatch.
    const reasons = found.length ? found : [REJECTIONS.businessNameMismatch];
    const editAllowed = reasons.every((reason) => reason.resubmittable);
    engine.store.update(
      verification,
      {
        status: "TWILIO_REJECTED",
        rejection_reason: reasons[0]!.reason,
        error_code: reasons[0]!.code,
        rejection_reasons: reasons.map(({ code, reason }) => ({ code, reason })),
        edit_allowed: editAllowed,
        edit_expiration: editAllowed ? isoDate(now + EDIT_WINDOW_DAYS * 24 * 3600 * 1000) : null,
      },
      now,
    );
    return;
  }
  if (step === "PENDING_REVIEW") submitVerification(engine, verification);
}
