import "server-only";

import type { Prisma } from "@prisma/client";
import type { z } from "zod";

import type {
  CreateCustomerRequest,
  createdCustomerSchema,
  customerDetailSchema,
  customerListSchema,
  customerSchema,
} from "@/lib/api-v1/schemas";
import { STAGES, type StageId } from "@/lib/dashboard/stages";
import type { ApplicationDraft } from "@/lib/onboarding/schema/application";

import type { AuthenticatedKey } from "../api-keys/api-keys";
import { readStoredDraft, toStoredDraft } from "../applications/stored-draft";
import { audit } from "../audit/audit";
import { applicationStatus } from "../dashboard/application-status";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { EmailTakenError } from "../invitations/create-invitation";
import { createCustomerOrganization } from "../organizations/create-customer-organization";
import { ApiError } from "./api-route";

type Customer = z.output<typeof customerSchema>;

const CUSTOMER_SELECT = {
  id: true,
  name: true,
  externalId: true,
  createdAt: true,
  applications: {
    orderBy: { createdAt: "asc" },
    take: 1,
    select: {
      id: true,
      status: true,
      stage: true,
      stageSince: true,
      needsAction: true,
      profileStatus: true,
      trustProductStatus: true,
      brandStatus: true,
      identityStatus: true,
      campaignStatus: true,
      lastActivityAt: true,
    },
  },
} satisfies Prisma.OrganizationSelect;

type CustomerRow = Prisma.OrganizationGetPayload<{ select: typeof CUSTOMER_SELECT }>;

/** A customer as the API shows it: its organization and its application's summary row. Pure. */
export function customerView(row: CustomerRow): Customer {
  const application = row.applications[0];
  const stage = (application?.stage ?? "draft") as StageId;
  return {
    id: row.id,
    name: row.name,
    externalId: row.externalId,
    createdAt: row.createdAt.toISOString(),
    changedAt: (application?.lastActivityAt ?? row.createdAt).toISOString(),
    application: application
      ? {
          id: application.id,
          status: application.status,
          stage,
          stageLabel: STAGES[stage]?.label ?? stage,
          stageSince: application.stageSince.toISOString(),
          needsAction: application.needsAction,
          statuses: {
            customerProfile: application.profileStatus,
            trustProduct: application.trustProductStatus,
            brand: application.brandStatus,
            identity: application.identityStatus,
            campaign: application.campaignStatus,
          },
        }
      : null,
  };
}

/** A customer as the API shows it, or null (webhook payloads carry it). */
export async function customerById(id: string): Promise<Customer | null> {
  const row = await db.organization.findUnique({ where: { id }, select: CUSTOMER_SELECT });
  return row ? customerView(row) : null;
}

async function findCustomer(id: string): Promise<CustomerRow> {
  const row = await db.organization.findUnique({ where: { id }, select: CUSTOMER_SELECT });
  if (!row) throw new ApiError(404, "No customer has this id.");
  return row;
}

/** A customer with what Twilio found and what happens next, in the words its customer reads. */
export async function customerDetail(id: string): Promise<z.output<typeof customerDetailSchema>> {
  const row = await findCustomer(id);
  const customer = customerView(row);
  if (!customer.application)
    return { ...customer, next: { who: "none", title: "", text: "", wait: null }, problems: [] };
  const status = await applicationStatus(customer.application.id, "customer");
  return {
    ...customer,
    next: status.next,
    problems: status.problems.map((problem) => ({
      source: problem.source,
      code: problem.code,
      description: problem.description,
      fields: problem.fields.map(({ field, label }) => ({ field, label })),
    })),
  };
}

/**
 * Customers whose application changed at or after a time, oldest change first, a page at a time:
 * the cursor is the last row's change time and id, so a page is an index range (lastActivityAt, id),
 * and a row changed while the caller pages comes again later rather than being skipped.
 */
export async function listCustomers(query: {
  changedSince?: string;
  cursor?: string;
  limit: number;
}): Promise<z.output<typeof customerListSchema>> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const since = query.changedSince ? new Date(query.changedSince) : null;
  const applications = await db.onboardingApplication.findMany({
    where: {
      AND: [
        since ? { lastActivityAt: { gte: since } } : {},
        after
          ? {
              OR: [{ lastActivityAt: { gt: after.at } }, { lastActivityAt: after.at, id: { gt: after.id } }],
            }
          : {},
      ],
    },
    orderBy: [{ lastActivityAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: { id: true, lastActivityAt: true, organization: { select: CUSTOMER_SELECT } },
  });
  const page = applications.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((application) => customerView(application.organization)),
    nextCursor: applications.length > query.limit && last ? encodeCursor(last.lastActivityAt, last.id) : null,
  };
}

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  if (!id || Number.isNaN(date.getTime())) throw new ApiError(400, "This cursor is not one the API gave.");
  return { at: date, id };
}

/**
 * Creates a customer and invites its first user; a customer already made with this externalId is
 * answered as it is, and nothing is created or sent again (a retried request, or two at once).
 */
export async function createCustomer(
  input: CreateCustomerRequest,
  key: AuthenticatedKey,
): Promise<{ status: 200 | 201; body: z.output<typeof createdCustomerSchema> }> {
  const existing = input.externalId
    ? await db.organization.findUnique({ where: { externalId: input.externalId }, select: CUSTOMER_SELECT })
    : null;
  if (existing) return { status: 200, body: { customer: customerView(existing), created: false, invitation: null } };
  try {
    const created = await createCustomerOrganization(
      {
        organizationName: input.name,
        email: input.firstUser.email,
        externalId: input.externalId,
        draft: input.draft as ApplicationDraft | undefined,
      },
      { apiKeyPrefix: key.prefix },
    );
    return {
      status: 201,
      body: {
        customer: customerView(await findCustomer(created.organization.id)),
        created: true,
        invitation: {
          email: input.firstUser.email,
          link: created.link,
          emailed: created.delivery === "smtp",
          expiresAt: created.expiresAt.toISOString(),
        },
      },
    };
  } catch (error) {
    if (error instanceof EmailTakenError) throw new ApiError(400, error.message, { "firstUser.email": error.message });
    // Two requests with one externalId at once: the second finds the first's customer.
    if ((error as { code?: string }).code === "P2002" && input.externalId) {
      const winner = await db.organization.findUnique({
        where: { externalId: input.externalId },
        select: CUSTOMER_SELECT,
      });
      if (winner) return { status: 200, body: { customer: customerView(winner), created: false, invitation: null } };
    }
    throw error;
  }
}

/**
 * Prefills a customer's draft while it is still a draft: each field given replaces the draft's, the
 * rest stay as the customer typed them. Written with the draft's version compare-and-set, so a save
 * by the customer at the same moment is not overwritten with an older draft.
 */
export async function prefillDraft(
  customerId: string,
  draft: ApplicationDraft,
  key: AuthenticatedKey,
): Promise<z.output<typeof customerDetailSchema>> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const application = await db.onboardingApplication.findFirst({
      where: { organizationId: customerId },
      orderBy: { createdAt: "asc" },
    });
    if (!application) throw new ApiError(404, "No customer has this id.");
    if (application.status !== "DRAFT")
      throw new ApiError(409, "The customer has sent the application: its draft can no longer be prefilled.");
    const merged = mergeDraft(readStoredDraft(application.draft, application.id), draft);
    const written = await db.onboardingApplication.updateMany({
      where: { id: application.id, version: application.version, status: "DRAFT" },
      data: {
        draft: toStoredDraft(merged, application.id) as Prisma.InputJsonValue,
        version: { increment: 1 },
      },
    });
    if (written.count === 0) continue;
    await audit(db, {
      action: "application.draft_prefilled",
      targetType: "OnboardingApplication",
      targetId: application.id,
      organizationId: customerId,
      // The fields' names, never their values.
      metadata: { apiKey: key.prefix, fields: fieldPaths(draft) },
    });
    await refreshDashboardRow(application.id);
    return customerDetail(customerId);
  }
  throw new ApiError(409, "The customer is editing this draft right now: try again in a moment.");
}

/** The draft with each given field replacing its own, section by section (a representative whole). */
export function mergeDraft(current: ApplicationDraft, given: ApplicationDraft): ApplicationDraft {
  const merged: Record<string, unknown> = { ...current };
  for (const [section, fields] of Object.entries(given)) {
    if (!fields || typeof fields !== "object") continue;
    merged[section] = { ...((current as Record<string, object | undefined>)[section] ?? {}), ...fields };
  }
  return merged as ApplicationDraft;
}

function fieldPaths(draft: ApplicationDraft): string[] {
  return Object.entries(draft).flatMap(([section, fields]) =>
    fields && typeof fields === "object" ? Object.keys(fields).map((field) => `${section}.${field}`) : [],
  );
}
