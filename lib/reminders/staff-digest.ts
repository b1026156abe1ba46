import { STAGES, type StageId } from "@/lib/dashboard/stages";

/**
 * The staff's daily digest (#29 line 3): the customers stuck past their stage's usual wait, longest
 * overdue first. Pure: the server reads the rows and sends the text.
 */
export type StuckCustomer = { name: string; stage: string; stageSince: Date; dueAt: Date };

export const DIGEST_LISTED = 50;

/** The UTC day a digest is for, or null before the day's digest hour. */
export function digestDay(now: Date, hourUtc: number): string | null {
  return now.getUTCHours() >= hourUtc ? now.toISOString().slice(0, 10) : null;
}

export function digestText(stuck: StuckCustomer[], total: number, link: string, now: Date): string[] {
  const days = (from: Date) => Math.max(1, Math.round((now.getTime() - from.getTime()) / 86_400_000));
  const lines = stuck.map((customer) => {
    const stage = STAGES[customer.stage as StageId];
    const usual = stage?.usualWait ? ` (${stage.usualWait})` : "";
    return `- ${customer.name}: ${stage?.label ?? customer.stage} for ${days(customer.stageSince)} day(s)${usual}`;
  });
  return [
    `${total} customer${total === 1 ? " is" : "s are"} stuck past their stage's usual wait:`,
    "",
    ...lines,
    ...(total > stuck.length ? ["", `…and ${total - stuck.length} more.`] : []),
    "",
    `All of them, longest waiting first: ${link}`,
  ];
}
