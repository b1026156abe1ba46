import "server-only";

import type { Prisma } from "@prisma/client";

import { PAGE_SIZE, type DashboardQuery } from "@/lib/dashboard/schema";
import { searchWords } from "@/lib/dashboard/search-words";
import { funnel, isStuck, STAGE_IDS, type StageId } from "@/lib/dashboard/stages";
import type { Dashboard, DashboardRow } from "@/lib/dashboard/views";

import { blindIndex } from "../crypto/field-cipher";
import { dataKeyring } from "../crypto/keyring";
import { db } from "../db";

export type { DashboardRow, Dashboard };

const SELECT = {
  id: true,
  organizationId: true,
  organization: { select: { name: true } },
  displayName: true,
  registrationNumberHint: true,
  stage: true,
  stageSince: true,
  needsAction: true,
  dueAt: true,
  profileStatus: true,
  trustProductStatus: true,
  brandStatus: true,
  identityStatus: true,
  brandScore: true,
  campaignStatus: true,
  lastActivityAt: true,
  remindersSent: true,
  lastReminderAt: true,
} satisfies Prisma.OnboardingApplicationSelect;

type Selected = Prisma.OnboardingApplicationGetPayload<{ select: typeof SELECT }>;

const attentionWhere = (now: Date): Prisma.OnboardingApplicationWhereInput => ({
  OR: [{ needsAction: true }, { dueAt: { lt: now } }],
});
const calmWhere = (now: Date): Prisma.OnboardingApplicationWhereInput => ({
  needsAction: false,
  OR: [{ dueAt: null }, { dueAt: { gte: now } }],
});

export function dashboardFilters(query: DashboardQuery, now: Date): Prisma.OnboardingApplicationWhereInput {
  const and: Prisma.OnboardingApplicationWhereInput[] = [];
  // Each word must match: "acme 12-3456789" finds Acme by name and EIN. A registration number is
  // found whole, through its blind index (the number itself is not stored in the summary).
  for (const word of searchWords(query.q ?? "")) {
    const index = (word.match(/\d/g)?.length ?? 0) >= 5 ? blindIndex(word, dataKeyring()) : null;
    and.push(
      index
        ? { OR: [{ searchText: { contains: word } }, { registrationNumberIndex: index }] }
        : { searchText: { contains: word } },
    );
  }
  if (query.stage === "attention") and.push(attentionWhere(now));
  else if (query.stage) and.push({ stage: query.stage });
  if (query.profile) and.push({ profileStatus: query.profile });
  if (query.brand) and.push({ brandStatus: query.brand });
  return { AND: and };
}

const ORDER: Record<string, Prisma.OnboardingApplicationOrderByWithRelationInput[]> = {
  activity: [{ lastActivityAt: "desc" }, { id: "asc" }],
  name: [{ sortName: "asc" }, { id: "asc" }],
  progress: [{ stageRank: "desc" }, { stageSince: "asc" }, { id: "asc" }],
  waiting: [{ stageSince: "asc" }, { id: "asc" }],
};

/**
 * One page of the staff dashboard: every query runs on the indexed summary columns (no draft JSON,
 * no joins), so it stays fast with tens of thousands of customers.
 */
export async function listDashboard(query: DashboardQuery, now = new Date()): Promise<Dashboard> {
  const where = dashboardFilters(query, now);
  const [total, grouped, attentionCount] = await Promise.all([
    db.onboardingApplication.count({ where }),
    db.onboardingApplication.groupBy({ by: ["stage"], _count: { _all: true } }),
    db.onboardingApplication.count({ where: attentionWhere(now) }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const offset = (page - 1) * PAGE_SIZE;

  const rows = await dashboardRowsAt(query, where, offset, PAGE_SIZE, now);

  const counts = Object.fromEntries(STAGE_IDS.map((stage) => [stage, 0])) as Record<StageId, number>;
  for (const group of grouped) if (group.stage in counts) counts[group.stage as StageId] = group._count._all;
  return {
    rows,
    total,
    page,
    pageCount,
    pageSize: PAGE_SIZE,
    counts,
    attentionCount,
    totalAll: Object.values(counts).reduce((sum, count) => sum + count, 0),
    funnel: funnel(counts),
    generatedAt: now.toISOString(),
  };
}

/**
 * `take` rows from `offset` in the query's order: the one reader of the page and the CSV export.
 * "Needs attention first" reads two ordered segments: the applications needing attention (oldest
 * problem first), then the rest (latest activity first).
 */
export async function dashboardRowsAt(
  query: DashboardQuery,
  where: Prisma.OnboardingApplicationWhereInput,
  offset: number,
  take: number,
  now: Date,
): Promise<DashboardRow[]> {
  let rows: Selected[];
  if (query.sort === "attention" && query.stage !== "attention") {
    const attentionTotal = await db.onboardingApplication.count({ where: { AND: [where, attentionWhere(now)] } });
    const fromAttention =
      offset < attentionTotal
        ? await db.onboardingApplication.findMany({
            where: { AND: [where, attentionWhere(now)] },
            select: SELECT,
            orderBy: [{ stageSince: "asc" }, { id: "asc" }],
            skip: offset,
            take,
          })
        : [];
    const remaining = take - fromAttention.length;
    const fromCalm = remaining
      ? await db.onboardingApplication.findMany({
          where: { AND: [where, calmWhere(now)] },
          select: SELECT,
          orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }],
          skip: Math.max(0, offset - attentionTotal),
          take: remaining,
        })
      : [];
    rows = [...fromAttention, ...fromCalm];
  } else {
    rows = await db.onboardingApplication.findMany({
      where,
      select: SELECT,
      orderBy: ORDER[query.sort] ?? [{ stageSince: "asc" }, { id: "asc" }],
      skip: offset,
      take,
    });
  }

  return rows.map((row) => toRow(row, now));
}

function toRow(row: Selected, now: Date): DashboardRow {
  return {
    applicationId: row.id,
    organizationId: row.organizationId,
    name: row.displayName,
    organizationName: row.organization.name === row.displayName ? null : row.organization.name,
    registrationNumber: row.registrationNumberHint,
    stage: row.stage as StageId,
    stageSince: row.stageSince.toISOString(),
    needsAction: row.needsAction,
    stuck: isStuck(row.dueAt, now),
    dueAt: row.dueAt?.toISOString() ?? null,
    profileStatus: row.profileStatus,
    trustProductStatus: row.trustProductStatus,
    brandStatus: row.brandStatus,
    identityStatus: row.identityStatus,
    brandScore: row.brandScore,
    campaignStatus: row.campaignStatus,
    lastActivityAt: row.lastActivityAt.toISOString(),
    remindersSent: row.remindersSent,
    lastReminderAt: row.lastReminderAt?.toISOString() ?? null,
  };
}
