/** Shapes the server hands to client components: neutral, so the browser bundle imports nothing from lib/server. */
export type ProvisioningProgress = {
  state: string | null;
  currentStep: string | null;
  lastError: string | null;
  lastErrorCode: number | null;
  /** When a job waiting to retry (Twilio answered only with transient errors) runs again, ISO. */
  retryAt: string | null;
  /** How many "retry later" runs in a row so far, and the most before it stops. */
  retriesLater: number;
  maxRetriesLater: number;
  /** `sid` is null in a customer's answer. */
  resources: { step: string; sid: string | null; status: string | null }[];
};
