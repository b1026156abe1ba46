import type { RequestContext } from "../core/context";
import { invalidParameter, notFound, permissionDenied, TwilioError } from "../core/errors";
import { bool, single } from "../core/form";
import { v2010Page } from "../core/pagination";
import { required } from "../core/params";
import { created, ok, path, type Route } from "../core/router";
import type { AccountRecord } from "../core/store";
import { availableNumbers, friendlyPhoneNumber, isAvailable } from "../engine/number-inventory";
import { renderAccount, renderResource } from "../render-resource";
import { TOLL_FREE_PREFIXES } from "../tollfree/rules";

type R = Route<RequestContext>;

/** The account named in a v2010 path: the caller's own, or one of its subaccounts. */
function targetAccount(ctx: RequestContext, accountSid: string): AccountRecord {
  const target = ctx.sandbox.store.state.accounts[accountSid];
  if (!target || (target.sid !== ctx.account.sid && target.parentSid !== ctx.account.sid)) throw notFound(ctx.pathname);
  return target;
}

function ownedBy(ctx: RequestContext, account: AccountRecord, sid: string, kind: "Address" | "IncomingPhoneNumber") {
  const resource = ctx.sandbox.store.get(sid, kind);
  if (!resource || resource.accountSid !== account.sid) throw notFound(ctx.pathname);
  return resource;
}

const ISO_COUNTRY = /^[A-Z]{2}$/;

function addressFields(ctx: RequestContext, creating: boolean): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const names: [string, string][] = [
    ["CustomerName", "customer_name"],
    ["Street", "street"],
    ["City", "city"],
    ["Region", "region"],
    ["PostalCode", "postal_code"],
    ["IsoCountry", "iso_country"],
    ["FriendlyName", "friendly_name"],
    ["StreetSecondary", "street_secondary"],
  ];
  for (const [param, field] of names) {
    const isRequired = creating && !["FriendlyName", "StreetSecondary"].includes(param);
    const value = isRequired ? required(ctx.body, param) : single(ctx.body, param);
    if (value !== undefined) fields[field] = value;
  }
  if (fields.iso_country !== undefined && !ISO_COUNTRY.test(String(fields.iso_country)))
    throw invalidParameter("IsoCountry", "must be an ISO 3166-1 alpha-2 code such as US");
  if (typeof fields.friendly_name === "string" && fields.friendly_name.length > 64)
    throw invalidParameter("FriendlyName", "must be at most 64 characters");
  const emergency = bool(ctx.body, "EmergencyEnabled");
  if (emergency !== undefined) fields.emergency_enabled = emergency;
  return fields;
}

export const apiRoutes: R[] = [
  {
    method: "POST",
    pattern: path("/2010-04-01/Accounts.json"),
    handle: (ctx) => {
      if (ctx.account.parentSid) throw permissionDenied("Subaccounts cannot create subaccounts");
      const account = ctx.sandbox.createSubaccount(
        ctx.account,
        single(ctx.body, "FriendlyName") ?? `SubAccount Created at ${new Date(ctx.sandbox.now()).toUTCString()}`,
      );
      return created(renderAccount(account, true));
    },
  },
  {
    method: "GET",
    pattern: path("/2010-04-01/Accounts.json"),
    handle: (ctx) => {
      const friendlyName = single(ctx.query, "FriendlyName");
      const status = single(ctx.query, "Status");
      const accounts = Object.values(ctx.sandbox.store.state.accounts)
        .filter((account) => account.sid === ctx.account.sid || account.parentSid === ctx.account.sid)
        .filter(
          (account) =>
            (!friendlyName || account.friendlyName === friendlyName) && (!status || account.status === status),
        )
        .map((account) => renderAccount(account, true));
      return ok(v2010Page("accounts", accounts, "/2010-04-01/Accounts.json", ctx.query));
    },
  },
  {
    method: "GET",
    pattern: path("/2010-04-01/Accounts/:accountSid.json"),
    handle: (ctx, { accountSid }) => ok(renderAccount(targetAccount(ctx, accountSid!), true)),
  },
  {
    method: "POST",
    pattern: path("/2010-04-01/Accounts/:accountSid/Addresses.json"),
    handle: (ctx, { accountSid }) => {
      const account = targetAccount(ctx, accountSid!);
      const fields = addressFields(ctx, true);
      const address = ctx.sandbox.store.create(
        "Address",
        account.sid,
        {
          friendly_name: null,
          street_secondary: null,
          emergency_enabled: false,
          validated: false,
          verified: false,
          ...fields,
        },
        ctx.sandbox.now(),
      );
      return created(renderResource(address));
    },
  },
  {
    method: "GET",
    pattern: path("/2010-04-01/Accounts/:accountSid/Addresses.json"),
    handle: (ctx, { accountSid }) => {
      const account = targetAccount(ctx, accountSid!);
      const filters = {
        customer_name: single(ctx.query, "CustomerName"),
        friendly_name: single(ctx.query, "FriendlyName"),
        iso_country: single(ctx.query, "IsoCountry"),
      };
      const items = ctx.sandbox.store
        .list("Address", (r) => r.accountSid === account.sid)
        .filter((r) => Object.entries(filters).every(([field, value]) => !value || r.fields[field] === value))
        .map(renderResource);
      return ok(v2010Page("addresses", items, `/2010-04-01/Accounts/${account.sid}/Addresses.json`, ctx.query));
    },
  },
  {
    method: "GET",
    pattern: path("/2010-04-01/Accounts/:accountSid/Addresses/:sid.json"),
    handle: (ctx, { accountSid, sid }) =>
      ok(renderResource(ownedBy(ctx, targetAccount(ctx, accountSid!), sid!, "Address"))),
  },
  {
    method: "POST",
    pattern: path("/2010-04-01/Accounts/:accountSid/Addresses/:sid.json"),
    handle: (ctx, { accountSid, sid }) => {
      const address = ownedBy(ctx, targetAccount(ctx, accountSid!), sid!, "Address");
      return ok(renderResource(ctx.sandbox.store.update(address, addressFields(ctx, false), ctx.sandbox.now())));
    },
  },
  {
    method: "GET",
    pattern: path("/2010-04-01/Accounts/:accountSid/IncomingPhoneNumbers.json"),
    handle: (ctx, { accountSid }) => {
      const account = targetAccount(ctx, accountSid!);
      const phoneNumber = single(ctx.query, "PhoneNumber");
      const friendlyName = single(ctx.query, "FriendlyName");
      const items = ctx.sandbox.store
        .list("IncomingPhoneNumber", (r) => r.accountSid === account.sid)
        .filter(
          (r) =>
            (!phoneNumber || r.fields.phone_number === phoneNumber) &&
            (!friendlyName || r.fields.friendly_name === friendlyName),
        )
        .map(renderResource);
      return ok(
        v2010Page(
          "incoming_phone_numbers",
          items,
          `/2010-04-01/Accounts/${account.sid}/IncomingPhoneNumbers.json`,
          ctx.query,
        ),
      );
    },
  },
  {
    // Buying a number (IncomingPhoneNumbers create, twilio-oai api v2010): PhoneNumber or AreaCode is
    // required; a number not on offer is refused with 21422 (Twilio's error code reference).
    method: "POST",
    pattern: path("/2010-04-01/Accounts/:accountSid/IncomingPhoneNumbers.json"),
    handle: (ctx, { accountSid }) => {
      const account = targetAccount(ctx, accountSid!);
      const requested = single(ctx.body, "PhoneNumber");
      const areaCode = single(ctx.body, "AreaCode");
      if (!requested && !areaCode) throw invalidParameter("PhoneNumber", "PhoneNumber or AreaCode is required");
      const phoneNumber = requested ?? availableNumbers(ctx.sandbox.store, areaCode!)[0]?.phoneNumber;
      if (!phoneNumber || !isAvailable(ctx.sandbox.store, phoneNumber))
        throw new TwilioError(400, 21422, "PhoneNumber Requested is Not Available");
      const friendlyName = single(ctx.body, "FriendlyName");
      if (friendlyName && friendlyName.length > 64)
        throw invalidParameter("FriendlyName", "must be at most 64 characters");
      const number = ctx.sandbox.store.create(
        "IncomingPhoneNumber",
        account.sid,
        { phone_number: phoneNumber, friendly_name: friendlyName ?? friendlyPhoneNumber(phoneNumber) },
        ctx.sandbox.now(),
      );
      return created(renderResource(number));
    },
  },
  {
    // Local numbers on offer (AvailablePhoneNumbers/{Country}/Local, twilio-oai api v2010): US only in
    // the sandbox, filtered by AreaCode (an integer in the OpenAPI). Toll-free prefixes are not local.
    method: "GET",
    pattern: path("/2010-04-01/Accounts/:accountSid/AvailablePhoneNumbers/:country/Local.json"),
    handle: (ctx, { accountSid, country }) => {
      const account = targetAccount(ctx, accountSid!);
      const areaCode = single(ctx.query, "AreaCode");
      if (areaCode !== undefined && !/^[2-9]\d{2}$/.test(areaCode))
        throw invalidParameter("AreaCode", "must be a three-digit US area code");
      const code = areaCode ?? "415";
      const items = country === "US" && !isTollFreePrefix(code) ? offers(ctx, code) : [];
      const base = `/2010-04-01/Accounts/${account.sid}/AvailablePhoneNumbers/${country}/Local.json`;
      return ok(v2010Page("available_phone_numbers", items, base, ctx.query));
    },
  },
  {
    // Toll-free numbers on offer (AvailablePhoneNumbers/{Country}/TollFree, twilio-oai api v2010):
    // US only, the NANP toll-free prefixes (tollfree-verification-resource.md: 800, 888, 877, 866,
    // 855, 844, 833), AreaCode picking one of them.
    method: "GET",
    pattern: path("/2010-04-01/Accounts/:accountSid/AvailablePhoneNumbers/:country/TollFree.json"),
    handle: (ctx, { accountSid, country }) => {
      const account = targetAccount(ctx, accountSid!);
      const areaCode = single(ctx.query, "AreaCode");
      if (areaCode !== undefined && !isTollFreePrefix(areaCode))
        throw invalidParameter("AreaCode", "must be a toll-free prefix such as 800 or 833");
      const items =
        country === "US" ? (areaCode ? [areaCode] : TOLL_FREE_PREFIXES).flatMap((code) => offers(ctx, code)) : [];
      const base = `/2010-04-01/Accounts/${account.sid}/AvailablePhoneNumbers/${country}/TollFree.json`;
      return ok(v2010Page("available_phone_numbers", items, base, ctx.query));
    },
  },
  {
    method: "GET",
    pattern: path("/2010-04-01/Accounts/:accountSid/IncomingPhoneNumbers/:sid.json"),
    handle: (ctx, { accountSid, sid }) =>
      ok(renderResource(ownedBy(ctx, targetAccount(ctx, accountSid!), sid!, "IncomingPhoneNumber"))),
  },
];

/**
 * Twilio's phone-number prices (Pricing v1 PhoneNumbers/Countries/{IsoCountry},
 * https://www.twilio.com/docs/phone-numbers/pricing): per number type, a base and a current monthly
 * price as decimal strings, and the currency. The sandbox answers the US list price of a local and a
 * toll-free number as twilio.com/en-us/sms/pricing/us shows them (1.15 and 2.15 USD a month); other
 * countries are not modelled (404).
 */
/** What AvailablePhoneNumbers lists for one area code (or toll-free prefix): the sandbox's inventory. */
function offers(ctx: RequestContext, areaCode: string) {
  return availableNumbers(ctx.sandbox.store, areaCode).map((number) => ({
    friendly_name: friendlyPhoneNumber(number.phoneNumber),
    phone_number: number.phoneNumber,
    lata: null,
    locality: isTollFreePrefix(areaCode) ? null : number.locality,
    rate_center: null,
    latitude: null,
    longitude: null,
    region: isTollFreePrefix(areaCode) ? null : number.region,
    postal_code: null,
    iso_country: "US",
    address_requirements: "none",
    beta: false,
    capabilities: { voice: true, sms: true, mms: true, fax: false },
  }));
}

const isTollFreePrefix = (code: string) => (TOLL_FREE_PREFIXES as readonly string[]).includes(code);

export const pricingRoutes: R[] = [
  {
    method: "GET",
    pattern: path("/v1/PhoneNumbers/Countries/:isoCountry"),
    handle: (ctx, { isoCountry }) => {
      if (isoCountry !== "US") throw notFound(ctx.pathname);
      return ok({
        country: "United States",
        iso_country: "US",
        phone_number_prices: [
          { number_type: "local", base_price: "1.15", current_price: "1.15" },
          { number_type: "toll free", base_price: "2.15", current_price: "2.15" },
        ],
        price_unit: "USD",
        url: "https://pricing.twilio.com/v1/PhoneNumbers/Countries/US",
      });
    },
  },
];
