import type { RequestContext } from "../core/context";
import { invalidParameter, missingParameter, TwilioError } from "../core/errors";
import { bool, list, single, type Params } from "../core/form";
import { v1Page } from "../core/pagination";
import { oneOf, required, requiredSid } from "../core/params";
import { HOSTS } from "../core/render";
import { created, noContent, path, type Answer, type Route } from "../core/router";
import { renderResource } from "../render-resource";
import { owned } from "../trusthub/routes";
import { verificationEditedEvent } from "./events";
import { submitVerification } from "./lifecycle";
import {
  BUSINESS_TYPES,
  EDIT_TIME_EXPIRED,
  isTollFreeNumber,
  OPT_IN_TYPES,
  REGISTRATION_AUTHORITIES,
  REQUIRED_ON_CREATE,
  USE_CASE_CATEGORIES,
  VETTING_PROVIDERS,
} from "./rules";

type R = Route<RequestContext>;

const accepted = (body: unknown): Answer => ({ status: 202, body });

/** Every text parameter create and update take (OAI), and the property each becomes. */
const TEXT_PARAMETERS: Record<string, string> = {
  BusinessName: "business_name",
  BusinessWebsite: "business_website",
  NotificationEmail: "notification_email",
  UseCaseSummary: "use_case_summary",
  ProductionMessageSample: "production_message_sample",
  MessageVolume: "message_volume",
  BusinessStreetAddress: "business_street_address",
  BusinessStreetAddress2: "business_street_address2",
  BusinessCity: "business_city",
  BusinessStateProvinceRegion: "business_state_province_region",
  BusinessPostalCode: "business_postal_code",
  BusinessCountry: "business_country",
  AdditionalInformation: "additional_information",
  BusinessContactFirstName: "business_contact_first_name",
  BusinessContactLastName: "business_contact_last_name",
  BusinessContactEmail: "business_contact_email",
  BusinessContactPhone: "business_contact_phone",
  BusinessRegistrationNumber: "business_registration_number",
  BusinessRegistrationCountry: "business_registration_country",
  BusinessRegistrationPhoneNumber: "business_registration_phone_number",
  DoingBusinessAs: "doing_business_as",
  OptInConfirmationMessage: "opt_in_confirmation_message",
  HelpMessageSample: "help_message_sample",
  PrivacyPolicyUrl: "privacy_policy_url",
  TermsAndConditionsUrl: "terms_and_conditions_url",
  VettingId: "vetting_id",
};

/** The parameters given, checked against the OpenAPI's enumerations, as the resource's properties. */
function readParameters(body: Params): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [parameter, property] of Object.entries(TEXT_PARAMETERS)) {
    const value = single(body, parameter);
    if (value !== undefined) fields[property] = value;
  }
  if (body.UseCaseCategories !== undefined) {
    const categories = list(body, "UseCaseCategories");
    for (const category of categories)
      if (!(USE_CASE_CATEGORIES as readonly string[]).includes(category))
        throw invalidParameter("UseCaseCategories", `'${category}' is not one of ${USE_CASE_CATEGORIES.join(", ")}`);
    fields.use_case_categories = categories;
  }
  if (body.OptInImageUrls !== undefined) fields.opt_in_image_urls = list(body, "OptInImageUrls");
  if (body.OptInKeywords !== undefined) fields.opt_in_keywords = list(body, "OptInKeywords");
  const optInType = oneOf(body, "OptInType", OPT_IN_TYPES);
  if (optInType) fields.opt_in_type = optInType;
  const businessType = oneOf(body, "BusinessType", BUSINESS_TYPES);
  if (businessType) fields.business_type = businessType;
  const authority = oneOf(body, "BusinessRegistrationAuthority", REGISTRATION_AUTHORITIES);
  if (authority) fields.business_registration_authority = authority;
  const vettingProvider = oneOf(body, "VettingProvider", VETTING_PROVIDERS);
  if (vettingProvider) fields.vetting_provider = vettingProvider;
  const ageGated = bool(body, "AgeGatedContent");
  if (ageGated !== undefined) fields.age_gated_content = ageGated;
  return fields;
}

/**
 * RES: the registration number, authority and country are "Required for all business types except
 * SOLE_PROPRIETOR", and the business type is a "Required field" (in force for new submissions since
 * January 2026, the onboarding guide's note on the Business Registration Number policy).
 */
function requireRegistration(fields: Record<string, unknown>): void {
  if (!fields.business_type) throw missingParameter("BusinessType");
  if (fields.business_type === "SOLE_PROPRIETOR") return;
  for (const [parameter, property] of [
    ["BusinessRegistrationNumber", "business_registration_number"],
    ["BusinessRegistrationAuthority", "business_registration_authority"],
    ["BusinessRegistrationCountry", "business_registration_country"],
  ] as const)
    if (!fields[property]) throw missingParameter(parameter);
}

const verificationsUrl = `${HOSTS.messaging}/v1/Tollfree/Verifications`;

export const tollfreeRoutes: R[] = [
  {
    // Create (OAI CreateTollfreeVerification, 201): the required parameters, the enumerations, a
    // toll-free number of this account; the verification starts in PENDING_REVIEW.
    method: "POST",
    pattern: path("/v1/Tollfree/Verifications"),
    handle: (ctx) => {
      for (const parameter of REQUIRED_ON_CREATE)
        if (parameter === "UseCaseCategories" || parameter === "OptInImageUrls") {
          if (!list(ctx.body, parameter).filter(Boolean).length) throw missingParameter(parameter);
        } else required(ctx.body, parameter);
      const numberSid = requiredSid(ctx.body, "TollfreePhoneNumberSid", "PN");
      const number = ctx.sandbox.store.get(numberSid, "IncomingPhoneNumber");
      if (!number || number.accountSid !== ctx.account.sid)
        throw invalidParameter("TollfreePhoneNumberSid", `${numberSid} is not a phone number of this account`);
      if (!isTollFreeNumber(String(number.fields.phone_number)))
        throw invalidParameter("TollfreePhoneNumberSid", `${number.fields.phone_number} is not a toll-free number`);
      const profileSid = single(ctx.body, "CustomerProfileSid");
      if (profileSid) {
        const profile = ctx.sandbox.store.get(profileSid, "CustomerProfile");
        if (!profile) throw invalidParameter("CustomerProfileSid", `${profileSid} is not a customer profile`);
      }
      const fields = readParameters(ctx.body);
      requireRegistration(fields);
      const verification = ctx.sandbox.store.create(
        "TollfreeVerification",
        ctx.account.sid,
        {
          ...fields,
          customer_profile_sid: profileSid ?? null,
          tollfree_phone_number_sid: numberSid,
          tollfree_phone_number: number.fields.phone_number,
          external_reference_id: single(ctx.body, "ExternalReferenceId") ?? null,
          resource_links: {},
        },
        ctx.sandbox.now(),
      );
      submitVerification(ctx.sandbox, verification);
      return created(renderResource(verification));
    },
  },
  {
    // List (OAI ListTollfreeVerification): its filters, and IncludeSubAccounts for the subaccounts'.
    method: "GET",
    pattern: path("/v1/Tollfree/Verifications"),
    handle: (ctx) => {
      const numberSid = single(ctx.query, "TollfreePhoneNumberSid");
      const status = single(ctx.query, "Status");
      const reference = single(ctx.query, "ExternalReferenceId");
      const trustProducts = list(ctx.query, "TrustProductSid");
      const withSubaccounts = bool(ctx.query, "IncludeSubAccounts") === true;
      const accounts = new Set([ctx.account.sid]);
      if (withSubaccounts)
        for (const account of Object.values(ctx.sandbox.store.state.accounts))
          if (account.parentSid === ctx.account.sid) accounts.add(account.sid);
      const items = ctx.sandbox.store
        .list(
          "TollfreeVerification",
          (v) =>
            accounts.has(v.accountSid) &&
            (!numberSid || v.fields.tollfree_phone_number_sid === numberSid) &&
            (!status || v.fields.status === status) &&
            (!reference || v.fields.external_reference_id === reference) &&
            (!trustProducts.length || trustProducts.includes(String(v.fields.trust_product_sid))),
        )
        .map(renderResource);
      return { status: 200, body: v1Page("verifications", items, verificationsUrl, ctx.query) };
    },
  },
  {
    method: "GET",
    pattern: path("/v1/Tollfree/Verifications/:sid"),
    handle: (ctx, { sid }) => ({ status: 200, body: renderResource(owned(ctx, sid!, "TollfreeVerification")) }),
  },
  {
    // Edit (OAI UpdateTollfreeVerification, 202), the onboarding guide's "Fix a rejected TFV request":
    // only a rejected verification with `edit_allowed`, before `edit_expiration` ("After that date,
    // the TFV request expires and you need to create another"; error 30437, "Edit time expired").
    // It goes back to PENDING_REVIEW with the rejection cleared (the guide's example answer), and
    // Twilio's "Verification Edited" event is sent.
    method: "POST",
    pattern: path("/v1/Tollfree/Verifications/:sid"),
    handle: (ctx, { sid }) => {
      const verification = owned(ctx, sid!, "TollfreeVerification");
      const f = verification.fields;
      if (f.status !== "TWILIO_REJECTED")
        throw new TwilioError(
          400,
          20001,
          `Only a rejected verification can be edited; this one is ${String(f.status)}`,
        );
      if (f.edit_allowed !== true)
        throw new TwilioError(400, 20001, "This verification's rejection does not allow an edit: create a new one");
      if (typeof f.edit_expiration === "string" && Date.parse(f.edit_expiration) < ctx.sandbox.now())
        // The code of this answer is unpublished (30437 names the expired rejection, not the refusal):
        // 20001, as for every situation Twilio gives no code for (core/error-codes.ts).
        throw new TwilioError(400, 20001, `${EDIT_TIME_EXPIRED.message}: create a new verification`);
      const fields = readParameters(ctx.body);
      requireRegistration({ ...f, ...fields });
      ctx.sandbox.store.update(verification, fields, ctx.sandbox.now());
      submitVerification(ctx.sandbox, verification);
      ctx.sandbox.deliveries.publish(
        verification,
        verificationEditedEvent(
          verification,
          ctx.sandbox.store.state.accounts[verification.accountSid],
          ctx.sandbox.now(),
        ),
        ctx.sandbox.now(),
      );
      return accepted(renderResource(verification));
    },
  },
  {
    method: "DELETE",
    pattern: path("/v1/Tollfree/Verifications/:sid"),
    handle: (ctx, { sid }) => {
      const verification = owned(ctx, sid!, "TollfreeVerification");
      ctx.sandbox.store.delete(verification.sid);
      return noContent();
    },
  },
];
