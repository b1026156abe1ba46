import type { Stage } from "@/lib/onboarding/approval-progress";

/** Shapes the server hands to client components: neutral, so the browser bundle imports nothing from lib/server. */
export type CustomerProgress = { stages: Stage[]; updatedAt: string };
