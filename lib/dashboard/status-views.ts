import type { FailureGroup } from "@/lib/dashboard/evaluation-failures";
import type { NextStep } from "@/lib/dashboard/next-steps";
import type { StageId } from "@/lib/dashboard/stages";
import type { TimelineEvent } from "@/lib/dashboard/timeline";

/** Shapes the server hands to client components: neutral, so the browser bundle imports nothing from lib/server. */
export type ProblemField = { field: string; label: string; href: string };

export type TwilioProblem = {
  source: string;
  code: number | null;
  description: string;
  explanation: string;
  fields: ProblemField[];
};

export type ApplicationStatusView = {
  applicationId: string;
  stage: StageId;
  stageLabel: string;
  stageSince: string;
  stuck: boolean;
  dueAt: string | null;
  statuses: {
    profile: string | null;
    trustProduct: string | null;
    brand: string | null;
    identity: string | null;
    brandScore: number | null;
    campaign: string | null;
    /** The SHAKEN/STIR TrustProduct, once numbers were chosen for it. */
    shakenStir: string | null;
  };
  /** Resubmissions of the brand (Twilio's update of a FAILED brand): used and left; null before a brand exists. */
  brandAttempts: { used: number; limit: number; left: number } | null;
  /** Numbers in the Messaging Service's sender pool, by their own A2P registration (Twilio's number events). */
  senders: { registered: number; waiting: number; failed: number };
  /** Failures of the latest noncompliant evaluations; `corrected` once the customer has sent the fixes. */
  evaluation: { groups: FailureGroup[]; corrected: boolean };
  /** Brand `errors` and rejected bundles' errors, with the wizard fields they concern. */
  problems: TwilioProblem[];
  next: NextStep;
  timeline: TimelineEvent[];
  pending: boolean;
  generatedAt: string;
};
