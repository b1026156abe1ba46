import { isoDate } from "../core/clock";
import type { RequestContext } from "../core/context";
import { invalidParameter, notFound, TwilioError } from "../core/errors";
import { bool, list, single } from "../core/form";
import { v1Page } from "../core/pagination";
import { oneOf, optionalUrl, required, requiredSid } from "../core/params";
import { HOSTS, shape } from "../core/render";
import { created, noContent, ok, path, type Route } from "../core/router";
import { newSid } from "../core/sid";
import type { StoredResource } from "../core/store";
import { awaitTwoFactor } from "../engine/brand-lifecycle";
import { startVetting } from "../engine/campaign-lifecycle";
import { deregisterNumber, registerNumber } from "../engine/number-registration";
import { VETTING_SECONDS } from "../engine/vetting-lifecycle";
import { renderResource } from "../render-resource";
import { owned } from "../trusthub/routes";
import { checkCampaignTexts } from "./campaign-rules";
import usecases from "./usecases.json";

type R = Route<RequestContext>;

const MAX_RESUBMISSIONS = 3;
const SENDER_POOL_CAP = 400;
const CAMPAIGN_RECREATE_GAP_MS = 5000;
/** Exactly what Messaging v1's UpdateUsAppToPerson takes (OpenAPI), in the SDK's spelling. */
const CAMPAIGN_UPDATE_PARAMETERS = [
  "HasEmbeddedLinks",
  "HasEmbeddedPhone",
  "MessageSamples",
  "MessageFlow",
  "Description",
  "AgeGated",
  "DirectLending",
  "PrivacyPolicyUrl",
  "TermsAndConditionsUrl",
];

/** A SUSPENDED campaign's numbers cannot be added or removed: 21729 (troubleshooting-standard-lvs-brands.md). */
function refuseIfCampaignSuspended(ctx: RequestContext, serviceSid: string): void {
  if (
    ctx.sandbox.store.list("Usa2p", (c) => c.parentSid === serviceSid && c.fields.campaign_status === "SUSPENDED")
      .length
  )
    throw new TwilioError(400, 21729, "This Messaging Service's campaign is SUSPENDED: its numbers cannot be changed");
}

function submittedBundle(ctx: RequestContext, parameter: string): StoredResource {
  const sid = requiredSid(ctx.body, parameter, "BU");
  const bundle = ctx.sandbox.store.get(sid);
  if (!bundle || bundle.accountSid !== ctx.account.sid || !["CustomerProfile", "TrustProduct"].includes(bundle.kind)) {
    throw invalidParameter(parameter, `${sid} is not a bundle of this account`);
  }
  // Twilio takes the brand once the bundles are submitted, without waiting for their approval
  // (seed 000, step 2.6); a bundle rejected later fails the brand.
  if (bundle.fields.status === "draft") {
    throw invalidParameter(parameter, `${sid} must be submitted for review first (its status is draft)`);
  }
  return bundle;
}

/** A campaign of this Messaging Service (of this account), or Twilio's 404. */
function campaignOf(ctx: RequestContext, serviceSid: string, sid: string): StoredResource {
  const campaign = owned(ctx, sid, "Usa2p");
  if (campaign.parentSid !== serviceSid) throw notFound(ctx.pathname);
  return campaign;
}

/** A number in this Messaging Service's sender pool (of this account), or Twilio's 404. */
function poolNumberOf(ctx: RequestContext, serviceSid: string, sid: string) {
  const service = owned(ctx, serviceSid, "Service");
  const number = owned(ctx, sid, "IncomingPhoneNumber");
  if (number.fields.messaging_service_sid !== service.sid) throw notFound(ctx.pathname);
  return { service, number };
}

const brandRoutes: R[] = [
  {
    method: "POST",
    pattern: path("/v1/a2p/BrandRegistrations"),
    handle: (ctx) => {
      const customerProfile = submittedBundle(ctx, "CustomerProfileBundleSid");
      const a2pProfile = submittedBundle(ctx, "A2PProfileBundleSid");
      const brandType = oneOf(ctx.body, "BrandType", ["STANDARD", "SOLE_PROPRIETOR"] as const) ?? "STANDARD";
      ctx.sandbox.enforceOnePerSecond(ctx.account.sid, "brand");
      const brand = ctx.sandbox.store.create(
        "BrandRegistration",
        ctx.account.sid,
        {
          customer_profile_bundle_sid: customerProfile.sid,
          a2p_profile_bundle_sid: a2pProfile.sid,
          brand_type: brandType,
          status: "PENDING",
          tcr_id: null,
          failure_reason: null,
          errors: [],
          brand_score: null,
          brand_feedback: null,
          identity_status: "UNVERIFIED",
          russell_3000: false,
          government_entity: false,
          tax_exempt_status: null,
          skip_automatic_sec_vet: bool(ctx.body, "SkipAutomaticSecVet") ?? false,
          mock: bool(ctx.body, "Mock") ?? false,
          resubmissions: 0,
        },
        ctx.sandbox.now(),
      );
      // "There are no A2P 10DLC fees from TCR or billing events for creating mock Brands and
      // Campaigns" (../shared/twilio-docs/mock-brand-api.md).
      if (!brand.fields.mock) ctx.sandbox.chargeFee(ctx.account.sid, "brand_registration", brand.sid);
      ctx.sandbox.schedule(brand.sid, ctx.sandbox.delays.brandSeconds, "decide");
      return created(renderResource(brand));
    },
  },
  {
    method: "GET",
    pattern: path("/v1/a2p/BrandRegistrations"),
    handle: (ctx) =>
      ok(
        v1Page(
          "data",
          ctx.sandbox.store.list("BrandRegistration", (r) => r.accountSid === ctx.account.sid).map(renderResource),
          `${HOSTS.messaging}/v1/a2p/BrandRegistrations`,
          ctx.query,
        ),
      ),
  },
  {
    method: "GET",
    pattern: path("/v1/a2p/BrandRegistrations/:sid"),
    handle: (ctx, { sid }) => ok(renderResource(owned(ctx, sid!, "BrandRegistration"))),
  },
  {
    // Update = resubmit a FAILED brand (21725 otherwise), a limited number of times (21724); Twilio
    // answers 202 Accepted (Messaging v1 OpenAPI). The exact limit is unpublished: 3 here.
    method: "POST",
    pattern: path("/v1/a2p/BrandRegistrations/:sid"),
    handle: (ctx, { sid }) => {
      const brand = owned(ctx, sid!, "BrandRegistration");
      // "Suspended Brands cannot be updated or used to register any new Campaigns. You will receive
      // an error code 21731" (troubleshooting-standard-lvs-brands.md).
      if (brand.fields.status === "SUSPENDED")
        throw new TwilioError(400, 21731, "This brand is SUSPENDED: it cannot be updated. Contact Twilio Support.");
      // "...if you have received a FAILED brand status and the tcr_id is not null" (same page): a brand
      // that failed before reaching TCR has no tcr_id and cannot be updated.
      if (brand.fields.status !== "FAILED" || !brand.fields.tcr_id)
        throw new TwilioError(
          400,
          21725,
          brand.fields.status === "FAILED"
            ? "This brand failed before it was registered with TCR (it has no tcr_id): it cannot be updated"
            : `Only a FAILED brand can be updated; this one is ${String(brand.fields.status)}`,
        );
      const resubmissions = Number(brand.fields.resubmissions ?? 0);
      if (resubmissions >= MAX_RESUBMISSIONS)
        throw new TwilioError(
          400,
          21724,
          `This brand has already been resubmitted ${MAX_RESUBMISSIONS} times, the most Twilio allows`,
        );
      ctx.sandbox.store.update(
        brand,
        { status: "PENDING", resubmissions: resubmissions + 1, failure_reason: null, errors: [] },
        ctx.sandbox.now(),
      );
      ctx.sandbox.schedule(brand.sid, ctx.sandbox.delays.brandSeconds, "decide");
      return { status: 202, body: renderResource(brand) };
    },
  },
  {
    method: "POST",
    pattern: path("/v1/a2p/BrandRegistrations/:sid/SmsOtp"),
    handle: (ctx, { sid }) => {
      const brand = owned(ctx, sid!, "BrandRegistration");
      if (brand.fields.brand_type !== "SOLE_PROPRIETOR")
        throw invalidParameter("BrandRegistrationSid", "only Sole Proprietor brands verify by one-time password");
      if (brand.fields.identity_status === "VERIFIED")
        throw invalidParameter("BrandRegistrationSid", "this brand's identity is already verified");
      ctx.sandbox.store.update(brand, { otp_sent_at: isoDate(ctx.sandbox.now()) }, ctx.sandbox.now());
      return created(
        shape("messaging.v1.brand_registrations.brand_registration_otp", {
          account_sid: ctx.account.sid,
          brand_registration_sid: brand.sid,
        }),
      );
    },
  },
  {
    // Authentication+: re-trigger the verification after a 2FA failure (brand-2fa-verify.md,
    // troubleshooting-standard-lvs-brands.md): a new email, the brand waiting again (30994), and a new
    // Authentication+ fee. The OpenAPI lists the path with no operation, so its answer is a guess:
    // 201 with the brand's SIDs, like SmsOtp.
    method: "POST",
    pattern: path("/v1/a2p/BrandRegistrations/:sid/2fa"),
    handle: (ctx, { sid }) => {
      const brand = owned(ctx, sid!, "BrandRegistration");
      if (["VERIFIED", "VETTED_VERIFIED"].includes(String(brand.fields.identity_status)))
        throw invalidParameter("BrandRegistrationSid", "this brand's identity is already verified");
      if (brand.fields.status === "SUSPENDED")
        throw new TwilioError(400, 21731, "This brand is SUSPENDED: it cannot be changed");
      ctx.sandbox.store.update(
        brand,
        { status: "PENDING", two_fa_sent_at: isoDate(ctx.sandbox.now()) },
        ctx.sandbox.now(),
      );
      awaitTwoFactor(ctx.sandbox, brand);
      if (!brand.fields.mock) ctx.sandbox.chargeFee(ctx.account.sid, "authentication_plus", brand.sid);
      return created({ account_sid: ctx.account.sid, brand_registration_sid: brand.sid });
    },
  },
  {
    method: "POST",
    pattern: path("/v1/a2p/BrandRegistrations/:sid/Vettings"),
    handle: (ctx, { sid }) => {
      const brand = owned(ctx, sid!, "BrandRegistration");
      // Messaging v1 OpenAPI: vetting_provider campaign-verify | aegis; vetting_status PENDING | SUCCESS | FAILED.
      const provider = oneOf(ctx.body, "VettingProvider", ["campaign-verify", "aegis"] as const);
      if (!provider) throw invalidParameter("VettingProvider", "is required: campaign-verify or aegis");
      const vetting = ctx.sandbox.store.create(
        "BrandVetting",
        ctx.account.sid,
        {
          vetting_id: single(ctx.body, "VettingId") ?? null,
          vetting_class: "POLITICAL",
          vetting_status: "PENDING",
          vetting_provider: provider,
        },
        ctx.sandbox.now(),
        brand.sid,
      );
      ctx.sandbox.schedule(vetting.sid, VETTING_SECONDS, "decide");
      return created(renderResource(vetting));
    },
  },
  {
    method: "GET",
    pattern: path("/v1/a2p/BrandRegistrations/:sid/Vettings"),
    handle: (ctx, { sid }) => {
      const brand = owned(ctx, sid!, "BrandRegistration");
      const items = ctx.sandbox.store.list("BrandVetting", (r) => r.parentSid === brand.sid).map(renderResource);
      return ok(v1Page("data", items, `${HOSTS.messaging}/v1/a2p/BrandRegistrations/${brand.sid}/Vettings`, ctx.query));
    },
  },
  {
    method: "GET",
    pattern: path("/v1/a2p/BrandRegistrations/:sid/Vettings/:vettingSid"),
    handle: (ctx, { sid, vettingSid }) => {
      const vetting = owned(ctx, vettingSid!, "BrandVetting");
      if (vetting.parentSid !== sid) throw notFound(ctx.pathname);
      return ok(renderResource(vetting));
    },
  },
];

function renderServiceNumber(serviceSid: string, number: StoredResource) {
  return shape("messaging.v1.service.phone_number", {
    sid: number.sid,
    account_sid: number.accountSid,
    service_sid: serviceSid,
    date_created: isoDate(number.updatedAt),
    date_updated: isoDate(number.updatedAt),
    phone_number: number.fields.phone_number,
    country_code: "US",
    capabilities: ["SMS", "MMS", "Voice"],
    url: `${HOSTS.messaging}/v1/Services/${serviceSid}/PhoneNumbers/${number.sid}`,
  });
}

const serviceRoutes: R[] = [
  {
    method: "POST",
    pattern: path("/v1/Services"),
    handle: (ctx) => {
      const service = ctx.sandbox.store.create(
        "Service",
        ctx.account.sid,
        {
          friendly_name: required(ctx.body, "FriendlyName"),
          inbound_request_url: optionalUrl(ctx.body, "InboundRequestUrl") ?? null,
          fallback_url: optionalUrl(ctx.body, "FallbackUrl") ?? null,
          status_callback: optionalUrl(ctx.body, "StatusCallback") ?? null,
          inbound_method: single(ctx.body, "InboundMethod") ?? "POST",
          fallback_method: single(ctx.body, "FallbackMethod") ?? "POST",
          usecase: single(ctx.body, "Usecase") ?? "undeclared",
        },
        ctx.sandbox.now(),
      );
      return created(renderResource(service));
    },
  },
  {
    method: "GET",
    pattern: path("/v1/Services"),
    handle: (ctx) =>
      ok(
        v1Page(
          "services",
          ctx.sandbox.store.list("Service", (r) => r.accountSid === ctx.account.sid).map(renderResource),
          `${HOSTS.messaging}/v1/Services`,
          ctx.query,
        ),
      ),
  },
  {
    method: "GET",
    pattern: path("/v1/Services/:sid"),
    handle: (ctx, { sid }) => ok(renderResource(owned(ctx, sid!, "Service"))),
  },
  {
    method: "DELETE",
    pattern: path("/v1/Services/:sid"),
    handle: (ctx, { sid }) => {
      const service = owned(ctx, sid!, "Service");
      for (const number of ctx.sandbox.store.list(
        "IncomingPhoneNumber",
        (n) => n.fields.messaging_service_sid === service.sid,
      )) {
        ctx.sandbox.store.update(number, { messaging_service_sid: null }, ctx.sandbox.now());
      }
      for (const campaign of ctx.sandbox.store.list("Usa2p", (c) => c.parentSid === service.sid))
        ctx.sandbox.store.delete(campaign.sid);
      ctx.sandbox.store.delete(service.sid);
      return noContent();
    },
  },
  {
    method: "POST",
    pattern: path("/v1/Services/:serviceSid/PhoneNumbers"),
    handle: (ctx, { serviceSid }) => {
      const service = owned(ctx, serviceSid!, "Service");
      const numberSid = requiredSid(ctx.body, "PhoneNumberSid", "PN");
      const number = ctx.sandbox.store.get(numberSid, "IncomingPhoneNumber");
      if (!number || number.accountSid !== ctx.account.sid)
        throw invalidParameter("PhoneNumberSid", `${numberSid} is not a phone number of this account`);
      if (number.fields.messaging_service_sid === service.sid)
        throw new TwilioError(400, 21710, "This phone number is already in this Messaging Service's sender pool");
      if (number.fields.messaging_service_sid)
        throw new TwilioError(400, 21712, "This phone number is already in another Messaging Service");
      // Twilio's default cap: 400 numbers and short codes per service (error 21714; live-twilio.md §4).
      const pool = ctx.sandbox.store.list("IncomingPhoneNumber", (n) => n.fields.messaging_service_sid === service.sid);
      if (pool.length >= SENDER_POOL_CAP)
        throw new TwilioError(400, 21714, `This Messaging Service's sender pool is full (${SENDER_POOL_CAP} senders)`);
      refuseIfCampaignSuspended(ctx, service.sid);
      ctx.sandbox.store.update(number, { messaging_service_sid: service.sid }, ctx.sandbox.now());
      // A number added to a service whose campaign is verified registers on its own (number events).
      registerNumber(ctx.sandbox, number, service.sid);
      return created(renderServiceNumber(service.sid, number));
    },
  },
  {
    method: "GET",
    pattern: path("/v1/Services/:serviceSid/PhoneNumbers"),
    handle: (ctx, { serviceSid }) => {
      const service = owned(ctx, serviceSid!, "Service");
      const items = ctx.sandbox.store
        .list("IncomingPhoneNumber", (n) => n.fields.messaging_service_sid === service.sid)
        .map((n) => renderServiceNumber(service.sid, n));
      return ok(
        v1Page("phone_numbers", items, `${HOSTS.messaging}/v1/Services/${service.sid}/PhoneNumbers`, ctx.query),
      );
    },
  },
  {
    method: "GET",
    pattern: path("/v1/Services/:serviceSid/PhoneNumbers/:sid"),
    handle: (ctx, { serviceSid, sid }) => {
      const { service, number } = poolNumberOf(ctx, serviceSid!, sid!);
      return ok(renderServiceNumber(service.sid, number));
    },
  },
  {
    method: "DELETE",
    pattern: path("/v1/Services/:serviceSid/PhoneNumbers/:sid"),
    handle: (ctx, { serviceSid, sid }) => {
      const { service, number } = poolNumberOf(ctx, serviceSid!, sid!);
      refuseIfCampaignSuspended(ctx, service.sid);
      ctx.sandbox.store.update(number, { messaging_service_sid: null }, ctx.sandbox.now());
      deregisterNumber(ctx.sandbox, number);
      return noContent();
    },
  },
];

/**
 * Sole Proprietor brands take the one use case SOLE_PROPRIETOR, and only it (Twilio's Sole
 * Proprietor ISV walkthrough, step 5): the list for such a brand holds just that entry, and a
 * Standard brand's list leaves it out.
 */
const SOLE_PROPRIETOR_USECASE = {
  code: "SOLE_PROPRIETOR",
  name: "Sole Proprietor",
  description: "Limited to Sole Proprietor brands: one campaign and one phone number, low volume.",
  post_approval_required: false,
};
const USECASE_CODES = [...usecases.map((usecase) => usecase.code), SOLE_PROPRIETOR_USECASE.code];

function usecasesFor(brand: StoredResource | null) {
  if (!brand) return [...usecases, SOLE_PROPRIETOR_USECASE];
  return brand.fields.brand_type === "SOLE_PROPRIETOR" ? [SOLE_PROPRIETOR_USECASE] : usecases;
}

const campaignRoutes: R[] = [
  {
    method: "GET",
    pattern: path("/v1/Services/:serviceSid/Compliance/Usa2p/Usecases"),
    handle: (ctx, { serviceSid }) => {
      owned(ctx, serviceSid!, "Service");
      const brandSid = single(ctx.query, "BrandRegistrationSid");
      const brand = brandSid ? owned(ctx, brandSid, "BrandRegistration") : null;
      return ok(
        shape("messaging.v1.service.us_app_to_person_usecase", { us_app_to_person_usecases: usecasesFor(brand) }),
      );
    },
  },
  {
    method: "POST",
    pattern: path("/v1/Services/:serviceSid/Compliance/Usa2p"),
    handle: (ctx, { serviceSid }) => {
      const service = owned(ctx, serviceSid!, "Service");
      const brandSid = requiredSid(ctx.body, "BrandRegistrationSid", "BN");
      const brand = ctx.sandbox.store.get(brandSid, "BrandRegistration");
      if (!brand || brand.accountSid !== ctx.account.sid)
        throw new TwilioError(400, 21717, `BrandRegistrationSid ${brandSid} is not a brand of this account`);
      if (brand.fields.status === "SUSPENDED")
        throw new TwilioError(400, 21731, "This brand is SUSPENDED: it cannot register new campaigns.");
      if (brand.fields.status !== "APPROVED")
        throw new TwilioError(
          400,
          21717,
          `The brand must be APPROVED before a campaign is created; it is ${String(brand.fields.status)}`,
        );
      const soleProprietor = brand.fields.brand_type === "SOLE_PROPRIETOR";
      // "Mock Sole Proprietor Brands cannot have mock Campaigns created for them" (mock-brand-api.md);
      // a real one waits until it is "approved and verified" (Sole Proprietor walkthrough §3.1).
      if (soleProprietor && brand.fields.mock)
        throw new TwilioError(400, 21717, "A mock Sole Proprietor brand cannot have campaigns.");
      if (soleProprietor && brand.fields.identity_status !== "VERIFIED")
        throw new TwilioError(
          400,
          21717,
          "The Sole Proprietor brand is not verified yet: its owner must confirm the one-time code first.",
        );
      // Twilio's Sole Proprietor walkthrough §5.2: "at least a 5-second delay between removing the
      // existing Campaign and creating a new one on the same Messaging Service" (refused sooner; the
      // code Twilio answers with is unpublished).
      const deletedAt = service.fields.campaign_deleted_at;
      if (typeof deletedAt === "number" && ctx.sandbox.now() - deletedAt < CAMPAIGN_RECREATE_GAP_MS)
        throw invalidParameter(
          "MessagingServiceSid",
          "a campaign was deleted from this Messaging Service less than 5 seconds ago: wait before creating its replacement",
        );
      if (ctx.sandbox.store.list("Usa2p", (c) => c.parentSid === service.sid).length)
        throw invalidParameter("MessagingServiceSid", "this Messaging Service already has an A2P campaign");
      // A Sole Proprietor brand has one campaign (Messaging v1 OpenAPI, BrandRegistrations).
      if (
        brand.fields.brand_type === "SOLE_PROPRIETOR" &&
        ctx.sandbox.store.list("Usa2p", (c) => c.fields.brand_registration_sid === brand.sid).length
      )
        throw invalidParameter("BrandRegistrationSid", "a Sole Proprietor brand has one campaign, and this one has it");
      const texts = checkCampaignTexts(ctx.body);
      const usecase = single(ctx.body, "UsAppToPersonUsecase");
      if (!usecase) throw new TwilioError(400, 21727, "Campaign is missing required parameter UsAppToPersonUsecase");
      if (!USECASE_CODES.includes(usecase))
        throw new TwilioError(400, 21720, `'${usecase}' is not a valid use case: one of ${USECASE_CODES.join(", ")}`);
      // SOLE_PROPRIETOR campaigns only on Sole Proprietor brands, and only that use case on them
      // (Messaging OpenAPI `us_app_to_person_usecase`; Sole Proprietor walkthrough §5): 21717.
      if (soleProprietor !== (usecase === SOLE_PROPRIETOR_USECASE.code))
        throw new TwilioError(
          400,
          21717,
          soleProprietor
            ? "A Sole Proprietor brand takes only the SOLE_PROPRIETOR use case"
            : "The SOLE_PROPRIETOR use case is only for Sole Proprietor brands",
        );
      const hasEmbeddedLinks = bool(ctx.body, "HasEmbeddedLinks");
      const hasEmbeddedPhone = bool(ctx.body, "HasEmbeddedPhone");
      if (hasEmbeddedLinks === undefined)
        throw new TwilioError(400, 21727, "Campaign is missing required parameter HasEmbeddedLinks");
      if (hasEmbeddedPhone === undefined)
        throw new TwilioError(400, 21727, "Campaign is missing required parameter HasEmbeddedPhone");
      ctx.sandbox.enforceOnePerSecond(ctx.account.sid, "campaign");
      const campaign = ctx.sandbox.store.create(
        "Usa2p",
        ctx.account.sid,
        {
          brand_registration_sid: brand.sid,
          description: texts.description,
          message_flow: texts.messageFlow,
          message_samples: texts.messageSamples,
          us_app_to_person_usecase: usecase,
          has_embedded_links: hasEmbeddedLinks,
          has_embedded_phone: hasEmbeddedPhone,
          subscriber_opt_in: bool(ctx.body, "SubscriberOptIn") ?? null,
          age_gated: bool(ctx.body, "AgeGated") ?? false,
          direct_lending: bool(ctx.body, "DirectLending") ?? false,
          campaign_status: "PENDING",
          campaign_id: null,
          is_externally_registered: false,
          rate_limits: { att: { mps: 4, msg_class: "T" }, tmobile: { brand_tier: "LOW" } },
          opt_in_message: texts.optInMessage,
          opt_out_message: texts.optOutMessage,
          help_message: texts.helpMessage,
          opt_in_keywords: list(ctx.body, "OptInKeywords"),
          opt_out_keywords: list(ctx.body, "OptOutKeywords"),
          help_keywords: list(ctx.body, "HelpKeywords"),
          // A campaign on a mock brand is a mock campaign (mock-brand-api.md).
          mock: brand.fields.mock === true,
          errors: [],
          // The campaign's registration SID (CM…), which Event Streams names instead of this QE… SID.
          campaign_registration_sid: newSid("CM"),
        },
        ctx.sandbox.now(),
        service.sid,
      );
      ctx.sandbox.store.update(
        service,
        { us_app_to_person_registered: true, usecase: usecase.toLowerCase() },
        ctx.sandbox.now(),
      );
      if (!campaign.fields.mock) ctx.sandbox.chargeFee(ctx.account.sid, "campaign_vetting", campaign.sid);
      startVetting(ctx.sandbox, campaign);
      return created(renderResource(campaign));
    },
  },
  {
    method: "GET",
    pattern: path("/v1/Services/:serviceSid/Compliance/Usa2p"),
    handle: (ctx, { serviceSid }) => {
      const service = owned(ctx, serviceSid!, "Service");
      const items = ctx.sandbox.store.list("Usa2p", (c) => c.parentSid === service.sid).map(renderResource);
      return ok(
        v1Page("compliance", items, `${HOSTS.messaging}/v1/Services/${service.sid}/Compliance/Usa2p`, ctx.query),
      );
    },
  },
  {
    method: "GET",
    pattern: path("/v1/Services/:serviceSid/Compliance/Usa2p/:sid"),
    handle: (ctx, { serviceSid, sid }) => {
      const campaign = campaignOf(ctx, serviceSid!, sid!);
      return ok(renderResource(campaign));
    },
  },
  {
    // Update (Messaging v1 OpenAPI UpdateUsAppToPerson: 200; Description, MessageFlow,
    // MessageSamples, HasEmbeddedLinks, HasEmbeddedPhone, AgeGated, DirectLending required,
    // PrivacyPolicyUrl and TermsAndConditionsUrl optional, nothing else: a change to the opt-in,
    // opt-out or help messages, the keywords or the use case needs delete and recreate). Which
    // statuses Twilio allows is unpublished: the sandbox refuses a campaign under vetting (PENDING,
    // IN_PROGRESS) and a SUSPENDED one (21729, troubleshooting-standard-lvs-brands.md).
    method: "POST",
    pattern: path("/v1/Services/:serviceSid/Compliance/Usa2p/:sid"),
    handle: (ctx, { serviceSid, sid }) => {
      const campaign = campaignOf(ctx, serviceSid!, sid!);
      if (campaign.fields.campaign_status === "SUSPENDED")
        throw new TwilioError(400, 21729, "This campaign is SUSPENDED: it cannot be changed");
      if (["PENDING", "IN_PROGRESS"].includes(String(campaign.fields.campaign_status)))
        throw invalidParameter(
          "Sid",
          `the campaign is under vetting (${String(campaign.fields.campaign_status)}) and cannot be updated now`,
        );
      const refused = Object.keys(ctx.body).filter((param) => !CAMPAIGN_UPDATE_PARAMETERS.includes(param));
      if (refused.length)
        throw invalidParameter(
          refused[0]!,
          `is not a parameter of a campaign update (${refused.join(", ")}): change it by deleting the campaign and creating it again`,
        );
      const texts = checkCampaignTexts(ctx.body);
      const flags: Record<string, boolean> = {};
      for (const [param, field] of [
        ["HasEmbeddedLinks", "has_embedded_links"],
        ["HasEmbeddedPhone", "has_embedded_phone"],
        ["AgeGated", "age_gated"],
        ["DirectLending", "direct_lending"],
      ] as const) {
        const value = bool(ctx.body, param);
        if (value === undefined) throw new TwilioError(400, 21727, `Campaign is missing required parameter ${param}`);
        flags[field] = value;
      }
      const wasFailed = campaign.fields.campaign_status === "FAILED";
      ctx.sandbox.store.update(
        campaign,
        {
          description: texts.description,
          message_flow: texts.messageFlow,
          message_samples: texts.messageSamples,
          ...flags,
        },
        ctx.sandbox.now(),
      );
      // A failed campaign goes back to vetting (PENDING again), and vetting is charged again.
      if (wasFailed) {
        if (!campaign.fields.mock) ctx.sandbox.chargeFee(ctx.account.sid, "campaign_vetting", campaign.sid);
        startVetting(ctx.sandbox, campaign);
      }
      return ok(renderResource(campaign));
    },
  },
  {
    method: "DELETE",
    pattern: path("/v1/Services/:serviceSid/Compliance/Usa2p/:sid"),
    handle: (ctx, { serviceSid, sid }) => {
      const campaign = campaignOf(ctx, serviceSid!, sid!);
      // "Suspended campaigns cannot be deleted via self-service ... error code 21729".
      if (campaign.fields.campaign_status === "SUSPENDED")
        throw new TwilioError(400, 21729, "This campaign is SUSPENDED: it cannot be deleted");
      ctx.sandbox.store.delete(campaign.sid);
      const service = ctx.sandbox.store.get(serviceSid!, "Service");
      if (service)
        ctx.sandbox.store.update(
          service,
          { us_app_to_person_registered: false, campaign_deleted_at: ctx.sandbox.now() },
          ctx.sandbox.now(),
        );
      return noContent();
    },
  },
];

export const messagingRoutes: R[] = [...brandRoutes, ...serviceRoutes, ...campaignRoutes];
