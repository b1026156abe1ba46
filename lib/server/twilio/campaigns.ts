import "server-only";

import type {
  UsAppToPersonContextUpdateOptions,
  UsAppToPersonInstance,
  UsAppToPersonListInstanceCreateOptions,
} from "twilio/lib/rest/messaging/v1/service/usAppToPerson";

import { monthlyCampaignFee } from "@/lib/campaign/twilio-fees";

import { recordCharge } from "../billing/twilio-charges";
import { everyPage, type Billing, type TwilioAccount } from "./account";
import { paced } from "./rate-slot";

/**
 * Every A2P campaign request (UsAppToPerson on a Messaging Service, seed 000 section 5). Each
 * registration request waits for the account's one-per-second slot shared with brands; creates and re-vetting updates
 * are fenced and their fees recorded here.
 */

export type Campaign = UsAppToPersonInstance;
export type CampaignCreateOptions = UsAppToPersonListInstanceCreateOptions;
export type CampaignUpdateOptions = UsAppToPersonContextUpdateOptions;

const campaignsOf = (account: TwilioAccount, serviceSid: string) =>
  account.sdk.messaging.v1.services(serviceSid).usAppToPerson;

/** The fees a campaign's registration incurred, once whatever the retries: vetting and its monthly fee. */
async function recordCampaignFees(billing: Billing, campaign: Campaign, useCase: string): Promise<void> {
  // A campaign on a mock brand is mock, and mock campaigns cost nothing (mock-brand-api.md).
  if (campaign.mock) return;
  await recordCharge(billing.applicationId, "campaign_vetting", `${campaign.sid}:created`, campaign.sid);
  await recordCharge(billing.applicationId, monthlyCampaignFee(useCase).event, campaign.sid, campaign.sid);
}

/** Registers a campaign: a vetting fee and a monthly fee. Fenced inside the slot, recorded in the fee ledger. */
export async function createCampaign(
  account: TwilioAccount,
  serviceSid: string,
  options: CampaignCreateOptions,
  billing: Billing,
): Promise<Campaign> {
  const campaign = await paced(account, () => campaignsOf(account, serviceSid).create(options), billing.fence);
  await recordCampaignFees(billing, campaign, options.usAppToPersonUsecase);
  return campaign;
}

/**
 * The service's campaign with this use case, after a create whose answer was lost (a Messaging
 * Service holds one campaign). Found, it is the one our earlier send created: its fees are recorded.
 */
export async function findCampaignByUseCase(
  account: TwilioAccount,
  serviceSid: string,
  useCase: string,
  billing: Billing,
): Promise<Campaign | null> {
  const campaigns = await paced(account, () => campaignsOf(account, serviceSid).list(everyPage()));
  const campaign = campaigns.find((candidate) => candidate.usAppToPersonUsecase === useCase) ?? null;
  if (campaign) await recordCampaignFees(billing, campaign, useCase);
  return campaign;
}

export const fetchCampaign = (account: TwilioAccount, serviceSid: string, campaignSid: string): Promise<Campaign> =>
  paced(account, () => campaignsOf(account, serviceSid)(campaignSid).fetch());

/**
 * Updates a campaign in place. A FAILED campaign goes back to vetting, charged again: `revetting`
 * names that vetting once (the registration's version), and the fee is recorded under it.
 */
export async function updateCampaign(
  account: TwilioAccount,
  serviceSid: string,
  campaignSid: string,
  options: CampaignUpdateOptions,
  billing: Billing & { revettingKey: string | null },
): Promise<Campaign> {
  const campaign = await paced(
    account,
    () => campaignsOf(account, serviceSid)(campaignSid).update(options),
    billing.fence,
  );
  if (billing.revettingKey && !campaign.mock) await adoptedRevetting(billing, campaignSid, billing.revettingKey);
  return campaign;
}

/** A re-vetting our earlier update started (its answer lost, the campaign found under vetting): charged once. */
export async function adoptedRevetting(billing: Billing, campaignSid: string, revettingKey: string): Promise<void> {
  await recordCharge(billing.applicationId, "campaign_vetting", `${campaignSid}:${revettingKey}`, campaignSid);
}

/** Deletes a campaign (a use-case change replaces it). Fenced: only the job's holder deletes. */
export async function deleteCampaign(
  account: TwilioAccount,
  serviceSid: string,
  campaignSid: string,
  fence?: () => Promise<void>,
): Promise<void> {
  await paced(account, () => campaignsOf(account, serviceSid)(campaignSid).remove(), fence);
}

/**
 * The use cases Twilio offers for a brand on a Messaging Service (UsAppToPersonUsecases). A read, not
 * a registration: Twilio's one-per-second request ("rate limit all API requests for Brand and
 * Campaign registration to one request per second", seed 000) is about registering, so a customer's
 * campaign page never waits in the slot every customer's registration shares (#26 line 6).
 */
export async function fetchCampaignUseCases(
  account: TwilioAccount,
  serviceSid: string,
  brandSid: string,
): Promise<unknown> {
  const answer = await account.sdk.messaging.v1
    .services(serviceSid)
    .usAppToPersonUsecases.fetch({ brandRegistrationSid: brandSid });
  return answer.usAppToPersonUsecases;
}
