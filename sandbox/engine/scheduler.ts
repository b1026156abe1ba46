import type { Clock } from "../core/clock";
import type { Store, StoredResource } from "../core/store";

/**
 * The sandbox's clock and what is due on it: every transition Twilio makes on its own (a review, a
 * brand's or a campaign's outcome) is a scheduled step, run when the clock reaches it (on a timer,
 * before each request, or when a test moves the clock) or at once through the control API.
 */
export class Scheduler {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly runStep: (resource: StoredResource, step: string) => void,
  ) {}

  schedule(sid: string, afterSeconds: number, step: string): void {
    this.scheduleAt(sid, this.clock.now() + afterSeconds * 1000, step);
  }

  /** Runs `step` on the resource at a time on the sandbox clock (replacing what was scheduled for it). */
  scheduleAt(sid: string, at: number, step: string): void {
    this.store.state.schedule = this.store.state.schedule.filter((entry) => entry.sid !== sid);
    this.store.state.schedule.push({ sid, at, step });
    this.store.changed();
  }

  /**
   * Runs every transition whose time has come (called on a timer and before each request), and
   * those they schedule for a time already past (a campaign's review, then its outcome, when a test
   * moves the clock over both).
   */
  tick(): void {
    for (let round = 0; round < 100; round++) {
      const now = this.clock.now();
      const due = this.store.state.schedule.filter((entry) => entry.at <= now).sort((a, b) => a.at - b.at);
      if (!due.length) return;
      this.store.state.schedule = this.store.state.schedule.filter((entry) => entry.at > now);
      for (const entry of due) {
        const resource = this.store.get(entry.sid);
        if (resource) this.runStep(resource, entry.step);
      }
      this.store.changed();
    }
  }

  /** Moves one resource on now, to the named outcome (control API). */
  advanceResource(resource: StoredResource, outcome: string): void {
    this.store.state.schedule = this.store.state.schedule.filter((entry) => entry.sid !== resource.sid);
    this.runStep(resource, outcome);
  }

  advanceClock(seconds: number): void {
    this.clock.advance(seconds);
    this.store.state.clockOffsetMs = this.clock.offsetMs;
    this.tick();
  }
}
