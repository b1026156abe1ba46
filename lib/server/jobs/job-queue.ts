/**
 * The portal's background work as named jobs (decision 0017): provisioning an application, the
 * status sync, the provisioning sweep, the mails, the dashboard's catch-up summary and the ISV's webhooks. One interface, two engines: pg-boss on
 * PostgreSQL (several instances share the queue) and an in-process queue for the embedded SQLite
 * mode (one instance). Handlers must be safe to run twice: a job whose worker died is run again.
 */
export type JobName =
  | "provision-application"
  | "provisioning-sweep"
  | "sync-statuses"
  | "send-mail"
  | "summarize-dashboard"
  | "deliver-webhooks"
  | "import-customers"
  | "adoption-scan"
  | "send-reminders";

export type JobPolicy = {
  /** Runs after the first that failed, spaced by `retryDelaySeconds` doubling each time. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A run still going after this long is taken for dead and run again (pg-boss expiry). */
  expireInSeconds: number;
};

export type SendOptions = {
  /** At most one job with this key waits at a time; a second send while one waits is dropped. */
  singletonKey?: string;
  startAfter?: Date;
};

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export interface JobQueue {
  readonly engine: "pg-boss" | "embedded";
  /** Queues a job; resolves once it is stored (pg-boss) or accepted (embedded). */
  send(name: JobName, data: Record<string, unknown>, options?: SendOptions): Promise<void>;
  /** Runs `handler` for every job of `name` in this process, `concurrency` at a time. */
  work(name: JobName, handler: JobHandler, concurrency?: number): Promise<void>;
  /**
   * Queues `name` every `seconds` from whichever instances run: pg-boss throttles the sends to one
   * per interval across all of them (singletonSeconds), so the work runs once per interval.
   */
  every(name: JobName, seconds: number): void;
  stop(): Promise<void>;
}
