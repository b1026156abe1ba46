/** Shapes the server hands to client components: neutral, so the browser bundle imports nothing from lib/server. */
export type ProvisioningProgress = {
  state: string | null;
  currentStep: string | null;
  lastError: string | null;
  lastErrorCode: number | null;
  /** `sid` is null in a customer's answer. */
  resources: { step: string; sid: string | null; status: string | null }[];
};
