import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, PRIMARY_CUSTOMER_PROFILE_SID } from "../defaults";
import { A2P_MESSAGING_PROFILE_POLICY, SECONDARY_CUSTOMER_PROFILE_POLICY } from "../trusthub/policies";

/**
 * An ISV that registered its customers before it had the portal (#28 line 1): `count` customers in
 * mixed shapes, a fifth in the ISV's own account and the rest each in a subaccount of its own. Built
 * through the sandbox's Twilio API (the calls an ISV's own tooling would have made: seeds 000 and
 * 001, the Messaging API), with its clock moved on so that bundles, brands and campaigns reach
 * their outcomes. The shapes, by customer index:
 * - "campaign" (most): bundles approved, brand APPROVED, a Messaging Service with a VERIFIED campaign
 *   and one number;
 * - "failed-brand" (every 5th from 1): a business name with "Fail": the brand FAILED (identity);
 * - "bundles-only" (every 10th from 3): both bundles approved, no brand yet;
 * - "service-no-campaign" (every 10th from 8): brand APPROVED, a service without a campaign.
 */
export type SeededCustomer = {
  index: number;
  shape: "campaign" | "failed-brand" | "bundles-only" | "service-no-campaign";
  accountSid: string;
  businessName: string;
  registrationNumber: string;
  customerProfileSid: string;
  trustProductSid: string;
  brandSid: string | null;
  serviceSid: string | null;
  campaignSid: string | null;
  phoneNumbers: string[];
};

type Credentials = { sid: string; token: string };
type Params = Record<string, string | string[] | undefined>;

export function shapeOf(index: number): SeededCustomer["shape"] {
  if (index % 5 === 1) return "failed-brand";
  if (index % 10 === 3) return "bundles-only";
  if (index % 10 === 8) return "service-no-campaign";
  return "campaign";
}

export async function seedExistingIsv(
  baseUrl: string,
  {
    count = 200,
    isv = { sid: DEFAULT_ACCOUNT_SID, token: DEFAULT_AUTH_TOKEN },
    tag = "",
    settle = "clock",
  }: {
    count?: number;
    isv?: Credentials;
    /** Set into every business name, so a state seeded twice (a test run again) keeps its names apart. */
    tag?: string;
    /**
     * How reviews reach their outcomes: "clock" moves the sandbox's clock (everything scheduled moves
     * with it); "each" decides only this seed's resources, one by one (a shared sandbox, such as the
     * browser tests', keeps every other resource where it was).
     */
    settle?: "clock" | "each";
  } = {},
): Promise<SeededCustomer[]> {
  const call = async (
    as: Credentials,
    method: "GET" | "POST",
    path: string,
    params: Params = {},
    tries = 5,
  ): Promise<Record<string, unknown>> => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(params))
      for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) body.append(key, item);
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${as.sid}:${as.token}`).toString("base64")}`,
        ...(method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: method === "POST" ? body : undefined,
    });
    const json = (await response.json()) as Record<string, unknown>;
    // Twilio's one brand (and one campaign) a second per account: wait, then try again.
    if (response.status === 429 && tries > 1) {
      await new Promise((resolve) => setTimeout(resolve, 1100));
      return call(as, method, path, params, tries - 1);
    }
    if (!response.ok) throw new Error(`[seed] ${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  };
  // The clock in steps: each outcome schedules the next (a bundle's approval lets its brand go on).
  const advance = async (seconds: number) => {
    for (let moved = 0; moved < seconds; moved += 15) await advanceOnce(15);
  };
  const advanceOnce = async (seconds: number) => {
    const response = await fetch(`${baseUrl}/__sandbox/advance`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ seconds }),
    });
    if (!response.ok) throw new Error(`[seed] the sandbox's control API is needed (SANDBOX_MODE dev or test)`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  };

  /** One resource to an outcome now (the control API): "decide" applies the sandbox's own rules. */
  const decide = async (sid: string, outcome: string) => {
    const response = await fetch(`${baseUrl}/__sandbox/advance`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sid, outcome }),
    });
    if (!response.ok) throw new Error(`[seed] the sandbox's control API is needed (SANDBOX_MODE dev or test)`);
  };
  /**
   * Reads a resource until it has reached its outcome, moving it on meanwhile: the clock further each
   * time (a sandbox started with long review delays gets there too), or the resource itself.
   */
  const until = async (
    as: Credentials,
    path: string,
    sid: string,
    reached: (resource: Record<string, unknown>) => boolean,
    outcome = "decide",
  ) => {
    for (let tries = 0; tries < 20; tries++) {
      if (reached(await call(as, "GET", path))) return;
      if (settle === "each") await decide(sid, outcome);
      else await advanceOnce(15 * 2 ** tries);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`[seed] ${path} did not reach its outcome`);
  };

  const customers: SeededCustomer[] = [];
  const credentials = new Map<string, Credentials>([[isv.sid, isv]]);
  for (let index = 0; index < count; index++) {
    const shape = shapeOf(index);
    const name = `${shape === "failed-brand" ? "Failing" : "Existing"} Customer ${String(index).padStart(3, "0")}${tag ? ` ${tag}` : ""} LLC`;
    const registrationNumber = `${String(10 + (index % 89)).padStart(2, "0")}-${String(1_000_000 + index * 7919).slice(-7)}`;
    let account = isv;
    if (index % 5 !== 0) {
      const sub = await call(isv, "POST", "/2010-04-01/Accounts.json", { FriendlyName: name });
      account = { sid: String(sub.sid), token: String(sub.auth_token) };
      credentials.set(account.sid, account);
    }
    const profile = await call(account, "POST", "/v1/CustomerProfiles", {
      FriendlyName: `${name} Secondary Customer Profile`,
      Email: "compliance@isv.example",
      PolicySid: SECONDARY_CUSTOMER_PROFILE_POLICY,
    });
    const endUser = (type: string, attributes: Record<string, string>) =>
      call(account, "POST", "/v1/EndUsers", { FriendlyName: type, Type: type, Attributes: JSON.stringify(attributes) });
    const business = await endUser("customer_profile_business_information", {
      business_name: name,
      business_identity: "direct_customer",
      business_type: "Limited Liability Corporation",
      business_industry: "RETAIL",
      business_registration_identifier: "EIN",
      business_registration_number: registrationNumber.replace("-", ""),
      business_regions_of_operation: "USA_AND_CANADA",
      website_url: `https://www.customer${index}.example`,
      social_media_profile_urls: "",
    });
    const representative = await endUser("authorized_representative_1", {
      first_name: "Jamie",
      last_name: `Owner${index}`,
      email: `owner${index}@customer${index}.example`,
      phone_number: "+15017122661",
      business_title: "Owner",
      job_position: "CEO",
    });
    const address = await call(account, "POST", `/2010-04-01/Accounts/${account.sid}/Addresses.json`, {
      CustomerName: name,
      Street: `${100 + index} Market Street`,
      City: "Springfield",
      Region: "IL",
      PostalCode: "62701",
      IsoCountry: "US",
    });
    const document = await call(account, "POST", "/v1/SupportingDocuments", {
      FriendlyName: "address",
      Type: "customer_profile_address",
      Attributes: JSON.stringify({ address_sids: address.sid }),
    });
    for (const objectSid of [business.sid, representative.sid, document.sid, PRIMARY_CUSTOMER_PROFILE_SID])
      await call(account, "POST", `/v1/CustomerProfiles/${String(profile.sid)}/EntityAssignments`, {
        ObjectSid: String(objectSid),
      });
    const product = await call(account, "POST", "/v1/TrustProducts", {
      FriendlyName: `${name} A2P Messaging Profile`,
      Email: "compliance@isv.example",
      PolicySid: A2P_MESSAGING_PROFILE_POLICY,
    });
    const messagingProfile = await endUser("us_a2p_messaging_profile_information", { company_type: "private" });
    for (const objectSid of [messagingProfile.sid, profile.sid])
      await call(account, "POST", `/v1/TrustProducts/${String(product.sid)}/EntityAssignments`, {
        ObjectSid: String(objectSid),
      });
    await call(account, "POST", `/v1/CustomerProfiles/${String(profile.sid)}`, { Status: "pending-review" });
    await call(account, "POST", `/v1/TrustProducts/${String(product.sid)}`, { Status: "pending-review" });
    let brandSid: string | null = null;
    if (shape !== "bundles-only") {
      const brand = await call(account, "POST", "/v1/a2p/BrandRegistrations", {
        CustomerProfileBundleSid: String(profile.sid),
        A2PProfileBundleSid: String(product.sid),
        SkipAutomaticSecVet: "true",
      });
      brandSid = String(brand.sid);
    }
    customers.push({
      index,
      shape,
      accountSid: account.sid,
      businessName: name,
      registrationNumber,
      customerProfileSid: String(profile.sid),
      trustProductSid: String(product.sid),
      brandSid,
      serviceSid: null,
      campaignSid: null,
      phoneNumbers: [],
    });
  }
  // Bundles reviewed and approved, brands decided (the sandbox's default delays, with room); a
  // sandbox whose scheduler ticks slowly gets more time until every brand is decided.
  if (settle === "clock") await advance(120);
  for (const customer of customers) {
    const account = credentials.get(customer.accountSid)!;
    for (const [sid, path] of [
      [customer.customerProfileSid, `/v1/CustomerProfiles/${customer.customerProfileSid}`],
      [customer.trustProductSid, `/v1/TrustProducts/${customer.trustProductSid}`],
    ] as const)
      // Every shape's bundles are approved (the sandbox's review of them is not what is seeded here).
      await until(account, path, sid, (bundle) => bundle.status === "twilio-approved", "twilio-approved");
    if (customer.brandSid)
      await until(
        account,
        `/v1/a2p/BrandRegistrations/${customer.brandSid}`,
        customer.brandSid,
        (brand) => !["PENDING", "IN_REVIEW"].includes(String(brand.status)),
      );
  }
  for (const customer of customers) {
    if (customer.shape !== "campaign" && customer.shape !== "service-no-campaign") continue;
    const account = credentials.get(customer.accountSid)!;
    const service = await call(account, "POST", "/v1/Services", { FriendlyName: `${customer.businessName} messaging` });
    customer.serviceSid = String(service.sid);
    if (customer.shape !== "campaign") continue;
    const areaCode = String(201 + (customer.index % 700));
    const number = await call(account, "POST", `/2010-04-01/Accounts/${account.sid}/IncomingPhoneNumbers.json`, {
      AreaCode: areaCode,
    });
    await call(account, "POST", `/v1/Services/${customer.serviceSid}/PhoneNumbers`, {
      PhoneNumberSid: String(number.sid),
    });
    customer.phoneNumbers.push(String(number.phone_number));
    const campaign = await call(account, "POST", `/v1/Services/${customer.serviceSid}/Compliance/Usa2p`, {
      BrandRegistrationSid: customer.brandSid!,
      UsAppToPersonUsecase: "ACCOUNT_NOTIFICATION",
      Description: `Order notifications for customers of ${customer.businessName} who asked for text updates.`,
      MessageFlow:
        "Customers opt in on our website checkout form by ticking a box. Message and data rates may apply. Reply HELP for help.",
      MessageSamples: [
        `${customer.businessName}: your order [number] is ready for pickup. Reply STOP to opt out.`,
        `${customer.businessName}: your order [number] has shipped and arrives on [date].`,
      ],
      HasEmbeddedLinks: "false",
      HasEmbeddedPhone: "false",
    });
    customer.campaignSid = String(campaign.sid);
  }
  // Campaigns reviewed and verified, numbers registered.
  if (settle === "clock") await advance(120);
  for (const customer of customers)
    if (customer.campaignSid)
      await until(
        credentials.get(customer.accountSid)!,
        `/v1/Services/${customer.serviceSid}/Compliance/Usa2p/${customer.campaignSid}`,
        customer.campaignSid,
        (campaign) => !["PENDING", "IN_PROGRESS"].includes(String(campaign.campaign_status)),
      );
  return customers;
}
