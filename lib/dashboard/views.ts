import type { StageId } from "@/lib/dashboard/stages";

/** Shapes the server hands to client components: neutral, so the browser bundle imports nothing from lib/server. */
export type DashboardRow = {
  applicationId: string;
  organizationId: string;
  name: string;
  /** The ISV's name for the customer, when it differs from the business name they registered. */
  organizationName: string | null;
  /** The last characters of the registration number only (the number is personal data). */
  registrationNumber: string | null;
  stage: StageId;
  stageSince: string;
  needsAction: boolean;
  stuck: boolean;
  dueAt: string | null;
  profileStatus: string | null;
  trustProductStatus: string | null;
  brandStatus: string | null;
  identityStatus: string | null;
  brandScore: number | null;
  campaignStatus: string | null;
  lastActivityAt: string;
  /** Reminders sent to the customer (#29 line 3), and when the last one went. */
  remindersSent: number;
  lastReminderAt: string | null;
};

export type Dashboard = {
  rows: DashboardRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  counts: Record<StageId, number>;
  attentionCount: number;
  totalAll: number;
  funnel: { label: string; count: number }[];
  generatedAt: string;
};
