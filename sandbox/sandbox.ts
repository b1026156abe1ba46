import { Clock } from "./core/clock";
import { Store, type AccountRecord, type FeeType, type StoredResource } from "./core/store";
import { authenticate, createSubaccount, ensureDefaults } from "./engine/accounts";
import { brandStep } from "./engine/brand-lifecycle";
import { bundleStep, businessName, setBundleStatus, submitBundle } from "./engine/bundle-lifecycle";
import { campaignStep } from "./engine/campaign-lifecycle";
import { Deliveries } from "./engine/deliveries";
import { DEFAULT_DELAYS, type Delays, type Engine } from "./engine/engine";
import { chargeFee, enforceOnePerSecond } from "./engine/fees-and-limits";
import { numberStep } from "./engine/number-registration";
import { Scheduler } from "./engine/scheduler";
import { snapshot } from "./engine/snapshot";
import { vettingStep } from "./engine/vetting-lifecycle";
import type { Fault } from "./faults";
import { verificationStep } from "./tollfree/lifecycle";

export { DEFAULT_DELAYS, type Delays } from "./engine/engine";

export type SandboxOptions = {
  /** Where state is kept between restarts; null keeps it in memory only (tests). */
  stateFile?: string | null;
  delays?: Partial<Delays>;
  log?: (line: string) => void;
};

/**
 * The simulator's engine, put together from one module per job (engine/): the state (store and
 * accounts), the clock and scheduled outcomes (scheduler), the lifecycles of bundles, brands and
 * campaigns, the deliveries (status callbacks and events), fees and rate limits, and faults (the
 * control API's list, applied by the server). The routes and the control API talk to this class.
 */
export class Sandbox implements Engine {
  readonly store: Store;
  readonly clock: Clock;
  readonly delays: Delays;
  readonly deliveries: Deliveries;
  faults: Fault[] = [];
  private readonly scheduler: Scheduler;

  constructor(options: SandboxOptions = {}) {
    this.store = new Store(options.stateFile ?? null);
    this.clock = new Clock(this.store.state.clockOffsetMs);
    const given = Object.entries(options.delays ?? {}).filter(
      ([, value]) => typeof value === "number" && Number.isFinite(value),
    );
    this.delays = { ...DEFAULT_DELAYS, ...Object.fromEntries(given) };
    this.deliveries = new Deliveries(this.store, options.log ?? (() => undefined));
    this.scheduler = new Scheduler(this.store, this.clock, (resource, step) => this.runStep(resource, step));
    this.ensureDefaults();
  }

  now(): number {
    return this.clock.now();
  }

  // ---- State and accounts ---------------------------------------------------------------------

  ensureDefaults(): void {
    ensureDefaults(this.store, this.now());
  }

  reset(): void {
    this.store.reset();
    this.clock.offsetMs = 0;
    this.faults = [];
    this.ensureDefaults();
  }

  createSubaccount(parent: AccountRecord, friendlyName: string): AccountRecord {
    return createSubaccount(this.store, parent, friendlyName, this.now());
  }

  authenticate(header: string | undefined): AccountRecord {
    return authenticate(this.store, header);
  }

  // ---- Fees and rate limits -------------------------------------------------------------------

  enforceOnePerSecond(accountSid: string, what: "brand" | "campaign"): void {
    enforceOnePerSecond(this.store, accountSid, what);
  }

  chargeFee(accountSid: string, type: FeeType, resourceSid: string): void {
    chargeFee(this.store, accountSid, type, resourceSid, this.now());
  }

  // ---- The clock and scheduled outcomes -------------------------------------------------------

  schedule(sid: string, afterSeconds: number, step: string): void {
    this.scheduler.schedule(sid, afterSeconds, step);
  }

  scheduleAt(sid: string, at: number, step: string): void {
    this.scheduler.scheduleAt(sid, at, step);
  }

  tick(): void {
    this.scheduler.tick();
  }

  advanceResource(resource: StoredResource, outcome: string): void {
    this.scheduler.advanceResource(resource, outcome);
  }

  advanceClock(seconds: number): void {
    this.scheduler.advanceClock(seconds);
  }

  private runStep(resource: StoredResource, step: string): void {
    if (resource.kind === "CustomerProfile" || resource.kind === "TrustProduct") bundleStep(this, resource, step);
    else if (resource.kind === "BrandRegistration") brandStep(this, resource, step);
    else if (resource.kind === "Usa2p") campaignStep(this, resource, step);
    else if (resource.kind === "IncomingPhoneNumber") numberStep(this, resource, step);
    else if (resource.kind === "BrandVetting") vettingStep(this, resource, step);
    else if (resource.kind === "TollfreeVerification") verificationStep(this, resource, step);
  }

  // ---- Trust Hub bundles (engine/bundle-lifecycle.ts) ----------------------------------------

  submitBundle(bundle: StoredResource): void {
    submitBundle(this, bundle);
  }

  businessName(bundle: StoredResource): string {
    return businessName(this, bundle);
  }

  setBundleStatus(bundle: StoredResource, status: string, errors: unknown[] | null = null): void {
    setBundleStatus(this, bundle, status, errors);
  }

  // ---- Deliveries ------------------------------------------------------------------------------

  /** Resolves when every callback and event sent so far has been delivered (or has failed). */
  settled(): Promise<void> {
    return this.deliveries.settled();
  }

  /** What GET /__sandbox/state shows: each account's resources as the API returns them. */
  snapshot(render: (resource: StoredResource) => Record<string, unknown>) {
    return snapshot(this.store, this.now(), render);
  }
}
