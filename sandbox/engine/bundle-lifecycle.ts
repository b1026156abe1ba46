import { isoDate } from "../core/clock";
import type { StoredResource } from "../core/store";
import { evaluateBundle } from "../trusthub/evaluate";
import type { Engine } from "./engine";

/**
 * A Trust Hub bundle's life (CustomerProfile, TrustProduct): submitted, reviewed, approved or
 * rejected with Twilio's evaluation as its reasons, each change called back (seeds 000–002).
 */

export function submitBundle(engine: Engine, bundle: StoredResource): void {
  setBundleStatus(engine, bundle, "pending-review");
  const evaluation = evaluateBundle(engine.store, bundle);
  // A noncompliant bundle is rejected automatically (seed 001), right after the submission.
  if (evaluation.status === "noncompliant") engine.schedule(bundle.sid, 0, "twilio-rejected");
  else engine.schedule(bundle.sid, engine.delays.reviewSeconds, "in-review");
}

export function bundleStep(engine: Engine, bundle: StoredResource, step: string): void {
  if (step === "in-review") {
    setBundleStatus(engine, bundle, "in-review");
    engine.schedule(bundle.sid, engine.delays.approvalSeconds, "decide");
  } else if (step === "decide") {
    // Documented trigger: a business name containing "Rejected" is rejected by the reviewer.
    bundleStep(
      engine,
      bundle,
      businessName(engine, bundle).includes("Rejected") ? "twilio-rejected" : "twilio-approved",
    );
  } else if (step === "twilio-rejected") {
    const evaluation = evaluateBundle(engine.store, bundle);
    const failed = evaluation.results.filter((result) => !result.passed);
    const errors = failed.length
      ? failed.map((result) => ({
          code: result.error_code,
          message: result.failure_reason,
          fields: result.invalid.map((field) => field.object_field),
        }))
      : [
          {
            code: 22217,
            message: "The business could not be verified by the Trust Hub reviewer.",
            fields: ["business_name"],
          },
        ];
    setBundleStatus(engine, bundle, "twilio-rejected", errors);
  } else if (step === "twilio-approved") {
    setBundleStatus(engine, bundle, "twilio-approved");
    engine.store.update(bundle, { valid_until: isoDate(engine.now() + 365 * 86_400_000) }, engine.now());
  } else if (["draft", "pending-review", "in-review"].includes(step)) {
    setBundleStatus(engine, bundle, step);
  }
}

/** The business name behind a bundle: its own business EndUser, or its customer profile's. */
export function businessName(engine: Pick<Engine, "store">, bundle: StoredResource): string {
  const store = engine.store;
  const seen = new Set<string>();
  const visit = (sid: string): string => {
    if (seen.has(sid)) return "";
    seen.add(sid);
    for (const assignment of store.list("EntityAssignment", (a) => a.parentSid === sid)) {
      const object = store.get(String(assignment.fields.object_sid));
      if (!object) continue;
      if (object.kind === "EndUser" && object.fields.type === "customer_profile_business_information") {
        return String((object.fields.attributes as Record<string, unknown>).business_name ?? "");
      }
      if (object.kind === "EndUser" && object.fields.type === "sole_proprietor_information") {
        return String((object.fields.attributes as Record<string, unknown>).brand_name ?? "");
      }
    }
    for (const assignment of store.list("EntityAssignment", (a) => a.parentSid === sid)) {
      const object = store.get(String(assignment.fields.object_sid));
      if (object?.kind === "CustomerProfile" && object.accountSid === bundle.accountSid) {
        const name = visit(object.sid);
        if (name) return name;
      }
    }
    return "";
  };
  return visit(bundle.sid);
}

export function setBundleStatus(
  engine: Engine,
  bundle: StoredResource,
  status: string,
  errors: unknown[] | null = null,
): void {
  const previous = String(bundle.fields.status);
  engine.store.update(bundle, { status, errors: status === "twilio-rejected" ? errors : null }, engine.now());
  if (previous !== status) engine.deliveries.statusCallback(bundle);
}
