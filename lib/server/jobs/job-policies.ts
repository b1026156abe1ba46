import { tuning } from "../tuning";
import type { JobName, JobPolicy } from "./job-queue";

/**
 * Retries, backoff and expiry per job. Provisioning is expired late (a run waits on Twilio's paced
 * brand and campaign calls) but not so late that a crashed instance's work waits long: the job
 * lease in ProvisioningJob (30 s) is what keeps two runs apart, the expiry only gets a dead run
 * going again. PROVISIONING_JOB_EXPIRE_SECONDS shortens it (the two-instance test uses 20 s).
 */
export function jobPolicy(name: JobName): JobPolicy {
  switch (name) {
    case "provision-application":
      return {
        retryLimit: 20,
        retryDelaySeconds: 5,
        expireInSeconds: tuning().PROVISIONING_JOB_EXPIRE_SECONDS,
      };
    case "provisioning-sweep":
      return { retryLimit: 0, retryDelaySeconds: 5, expireInSeconds: 5 * 60 };
    case "sync-statuses":
      return { retryLimit: 2, retryDelaySeconds: 60, expireInSeconds: 30 * 60 };
    case "summarize-dashboard":
      return { retryLimit: 3, retryDelaySeconds: 30, expireInSeconds: 30 * 60 };
    case "send-mail":
      // SMTP hiccups: 30 s, 1, 2, 4 … minutes, for about a day.
      return { retryLimit: 10, retryDelaySeconds: 30, expireInSeconds: 2 * 60 };
    case "deliver-webhooks":
      // Each delivery keeps its own tries and backoff in the database (webhooks/deliver.ts): the job
      // is only the nudge, and the schedule runs it again anyway.
      return { retryLimit: 0, retryDelaySeconds: 5, expireInSeconds: 5 * 60 };
    case "send-reminders":
      // Each reminder is claimed by its row (reminders/send-reminders.ts): a lost run is the next one's.
      return { retryLimit: 0, retryDelaySeconds: 60, expireInSeconds: 10 * 60 };
    case "adoption-scan":
      // Each account keeps its own state and claim (adoption/adoption-run.ts): the job is the nudge.
      return { retryLimit: 0, retryDelaySeconds: 5, expireInSeconds: 30 * 60 };
    case "import-customers":
      // Each row keeps its own state and claim (customer-import/run-import.ts): the job is the nudge.
      return { retryLimit: 0, retryDelaySeconds: 5, expireInSeconds: 15 * 60 };
  }
}

export const JOB_NAMES: JobName[] = [
  "provision-application",
  "provisioning-sweep",
  "sync-statuses",
  "send-mail",
  "summarize-dashboard",
  "deliver-webhooks",
  "import-customers",
  "adoption-scan",
  "send-reminders",
];
