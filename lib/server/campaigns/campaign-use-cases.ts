import "server-only";

import type { CampaignRegistration, Prisma } from "@prisma/client";

import { parseUseCases, SOLE_PROPRIETOR_USE_CASE } from "@/lib/campaign/use-cases";
import type { UseCaseOption } from "@/lib/campaign/views";
import { describeErrorForLog } from "@/lib/logging/redact";

import { isSoleProprietor } from "../applications/application-kind";
import { db } from "../db";
import { fetchCampaignUseCases } from "../twilio/campaigns";
import { accountBySid } from "../twilio/client";

// Twilio's list for a brand changes rarely: asked again after a day, or when staff reload it.
const FRESH_MS = 24 * 60 * 60_000;

export type UseCaseList = { useCases: UseCaseOption[]; error: string | null };

/**
 * The use cases Twilio offers this brand on this Messaging Service, kept on the registration so a
 * page view does not call Twilio. A failed fetch keeps what was known and says why.
 */
export async function campaignUseCases(registration: CampaignRegistration, refresh = false): Promise<UseCaseList> {
  // A Sole Proprietor brand takes one use case, whatever Twilio's list says (use-cases.ts).
  if (await isSoleProprietor(registration.applicationId)) return { useCases: [SOLE_PROPRIETOR_USE_CASE], error: null };
  const known = parseUseCases(registration.useCases);
  const fresh = registration.useCasesFetchedAt && Date.now() - registration.useCasesFetchedAt.getTime() < FRESH_MS;
  if (fresh && !refresh) return { useCases: known, error: null };
  const resources = await db.twilioResource.findMany({
    where: { applicationId: registration.applicationId, step: { in: ["brand", "messaging-service"] } },
  });
  const brand = resources.find((resource) => resource.step === "brand");
  const service = resources.find((resource) => resource.step === "messaging-service");
  if (!brand || !service)
    return { useCases: known, error: "The brand or the Messaging Service is not registered yet." };
  try {
    const account = await accountBySid(brand.accountSid);
    const useCases = parseUseCases(await fetchCampaignUseCases(account, service.sid, brand.sid));
    await db.campaignRegistration.update({
      where: { id: registration.id },
      data: { useCases: useCases as unknown as Prisma.InputJsonValue, useCasesFetchedAt: new Date() },
    });
    return { useCases, error: null };
  } catch (error) {
    console.error(`[campaign] use cases not fetched: ${describeErrorForLog(error)}`);
    return { useCases: known, error: "Twilio's list of use cases could not be loaded just now." };
  }
}
