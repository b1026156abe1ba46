import type { StoredResource } from "../core/store";
import type { Engine } from "./engine";

/**
 * A brand vetting (Messaging v1 OpenAPI, BrandVetting): `vetting_status` PENDING, then SUCCESS or
 * FAILED. The sandbox decides SUCCESS unless the VettingId contains "fail" (sandbox/README.md).
 */
export const VETTING_SECONDS = 10;

export function vettingStep(engine: Engine, vetting: StoredResource, step: string): void {
  if (step !== "decide" && step !== "SUCCESS" && step !== "FAILED") return;
  const outcome =
    step !== "decide" ? step : /fail/i.test(String(vetting.fields.vetting_id ?? "")) ? "FAILED" : "SUCCESS";
  engine.store.update(vetting, { vetting_status: outcome }, engine.now());
}
