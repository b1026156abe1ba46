import { isoDate, rfc2822Date } from "./core/clock";
import { HOSTS, shape } from "./core/render";
import type { AccountRecord, StoredResource } from "./core/store";

const v2010 = (accountSid: string, rest: string) => `/2010-04-01/Accounts/${accountSid}/${rest}`;

/** A stored resource as the Twilio API returns it: Twilio's keys, dates, url and links. */
export function renderResource(resource: StoredResource): Record<string, unknown> {
  const f = resource.fields;
  const common = { sid: resource.sid, account_sid: resource.accountSid };
  const dates = { date_created: isoDate(resource.createdAt), date_updated: isoDate(resource.updatedAt) };
  switch (resource.kind) {
    case "CustomerProfile": {
      const url = `${HOSTS.trusthub}/v1/CustomerProfiles/${resource.sid}`;
      return shape("trusthub.v1.customer_profile", {
        ...f,
        ...common,
        ...dates,
        url,
        links: {
          customer_profiles_entity_assignments: `${url}/EntityAssignments`,
          customer_profiles_evaluations: `${url}/Evaluations`,
          customer_profiles_channel_endpoint_assignment: `${url}/ChannelEndpointAssignments`,
        },
      });
    }
    case "TrustProduct": {
      const url = `${HOSTS.trusthub}/v1/TrustProducts/${resource.sid}`;
      return shape("trusthub.v1.trust_product", {
        ...f,
        ...common,
        ...dates,
        url,
        links: {
          trust_products_entity_assignments: `${url}/EntityAssignments`,
          trust_products_evaluations: `${url}/Evaluations`,
          trust_products_channel_endpoint_assignment: `${url}/ChannelEndpointAssignments`,
        },
      });
    }
    case "EntityAssignment":
    case "Evaluation":
    case "ChannelEndpointAssignment": {
      const isProfile = String(f.bundle_kind) === "CustomerProfile";
      const collection = {
        EntityAssignment: "EntityAssignments",
        Evaluation: "Evaluations",
        ChannelEndpointAssignment: "ChannelEndpointAssignments",
      }[resource.kind];
      const url = `${HOSTS.trusthub}/v1/${isProfile ? "CustomerProfiles" : "TrustProducts"}/${resource.parentSid}/${collection}/${resource.sid}`;
      const parentKey = isProfile ? "customer_profile_sid" : "trust_product_sid";
      const name = {
        EntityAssignment: isProfile
          ? "trusthub.v1.customer_profile.customer_profile_entity_assignment"
          : "trusthub.v1.trust_product.trust_product_entity_assignment",
        Evaluation: isProfile
          ? "trusthub.v1.customer_profile.customer_profile_evaluation"
          : "trusthub.v1.trust_product.trust_product_evaluation",
        ChannelEndpointAssignment: isProfile
          ? "trusthub.v1.customer_profile.customer_profile_channel_endpoint_assignment"
          : "trusthub.v1.trust_product.trust_product_channel_endpoint_assignment",
      }[resource.kind] as Parameters<typeof shape>[0];
      return shape(name, {
        ...f,
        ...common,
        [parentKey]: resource.parentSid,
        date_created: isoDate(resource.createdAt),
        url,
      });
    }
    case "EndUser":
      return shape("trusthub.v1.end_user", {
        ...f,
        ...common,
        ...dates,
        url: `${HOSTS.trusthub}/v1/EndUsers/${resource.sid}`,
      });
    case "SupportingDocument":
      return shape("trusthub.v1.supporting_document", {
        ...f,
        ...common,
        ...dates,
        url: `${HOSTS.trusthub}/v1/SupportingDocuments/${resource.sid}`,
      });
    case "Address":
      return shape("api.v2010.account.address", {
        emergency_enabled: false,
        validated: false,
        verified: false,
        ...f,
        ...common,
        date_created: rfc2822Date(resource.createdAt),
        date_updated: rfc2822Date(resource.updatedAt),
        uri: v2010(resource.accountSid, `Addresses/${resource.sid}.json`),
      });
    case "IncomingPhoneNumber":
      return shape("api.v2010.account.incoming_phone_number", {
        address_requirements: "none",
        api_version: "2010-04-01",
        beta: false,
        capabilities: { voice: true, sms: true, mms: true, fax: false },
        origin: "twilio",
        sms_method: "POST",
        sms_fallback_method: "POST",
        voice_method: "POST",
        voice_fallback_method: "POST",
        status_callback_method: "POST",
        voice_caller_id_lookup: false,
        voice_receive_mode: "voice",
        emergency_status: "Inactive",
        emergency_address_status: "unregistered",
        status: "in-use",
        type: "local",
        ...f,
        ...common,
        date_created: rfc2822Date(resource.createdAt),
        date_updated: rfc2822Date(resource.updatedAt),
        uri: v2010(resource.accountSid, `IncomingPhoneNumbers/${resource.sid}.json`),
      });
    case "BrandRegistration": {
      const url = `${HOSTS.messaging}/v1/a2p/BrandRegistrations/${resource.sid}`;
      return shape("messaging.v1.brand_registrations", {
        ...f,
        ...common,
        ...dates,
        url,
        links: { brand_vettings: `${url}/Vettings`, brand_registration_otps: `${url}/SmsOtp` },
      });
    }
    case "BrandVetting":
      return shape("messaging.v1.brand_registrations.brand_vetting", {
        ...f,
        account_sid: resource.accountSid,
        brand_sid: resource.parentSid,
        brand_vetting_sid: resource.sid,
        ...dates,
        url: `${HOSTS.messaging}/v1/a2p/BrandRegistrations/${resource.parentSid}/Vettings/${resource.sid}`,
      });
    case "Service": {
      const url = `${HOSTS.messaging}/v1/Services/${resource.sid}`;
      return shape("messaging.v1.service", {
        inbound_method: "POST",
        fallback_method: "POST",
        sticky_sender: true,
        mms_converter: true,
        smart_encoding: true,
        scan_message_content: "inherit",
        fallback_to_long_code: true,
        area_code_geomatch: true,
        synchronous_validation: false,
        validity_period: 14400,
        usecase: "undeclared",
        us_app_to_person_registered: false,
        use_inbound_webhook_on_number: false,
        ...f,
        ...common,
        ...dates,
        url,
        links: {
          chat_senders: `${url}/ChatSenders`,
          phone_numbers: `${url}/PhoneNumbers`,
          short_codes: `${url}/ShortCodes`,
          alpha_senders: `${url}/AlphaSenders`,
          messages: `${url}/Messages`,
          us_app_to_person: `${url}/Compliance/Usa2p`,
          us_app_to_person_usecases: `${url}/Compliance/Usa2p/Usecases`,
          channel_senders: `${url}/ChannelSenders`,
          destination_alpha_senders: `${url}/DestinationAlphaSenders`,
        },
      });
    }
    case "ServicePhoneNumber":
      return shape("messaging.v1.service.phone_number", {
        capabilities: ["SMS", "MMS", "Voice"],
        country_code: "US",
        ...f,
        ...common,
        service_sid: resource.parentSid,
        ...dates,
        url: `${HOSTS.messaging}/v1/Services/${resource.parentSid}/PhoneNumbers/${resource.sid}`,
      });
    case "Usa2p":
      return shape("messaging.v1.service.us_app_to_person", {
        ...f,
        ...common,
        messaging_service_sid: resource.parentSid,
        ...dates,
        url: `${HOSTS.messaging}/v1/Services/${resource.parentSid}/Compliance/Usa2p/${resource.sid}`,
      });
    case "TollfreeVerification":
      return shape("messaging.v1.tollfree_verification", {
        ...f,
        ...common,
        ...dates,
        url: `${HOSTS.messaging}/v1/Tollfree/Verifications/${resource.sid}`,
      });
    case "Sink": {
      const url = `${HOSTS.events}/v1/Sinks/${resource.sid}`;
      return shape("events.v1.sink", {
        ...f,
        sid: resource.sid,
        ...dates,
        url,
        links: { sink_test: `${url}/Test`, sink_validate: `${url}/Validate` },
      });
    }
    case "Subscription": {
      const url = `${HOSTS.events}/v1/Subscriptions/${resource.sid}`;
      return shape("events.v1.subscription", {
        ...common,
        description: f.description,
        sink_sid: f.sink_sid,
        ...dates,
        url,
        links: { subscribed_events: `${url}/SubscribedEvents` },
      });
    }
  }
}

export function renderAccount(account: AccountRecord, showToken: boolean): Record<string, unknown> {
  const uri = `/2010-04-01/Accounts/${account.sid}.json`;
  return shape("api.v2010.account", {
    auth_token: showToken ? account.authToken : null,
    date_created: rfc2822Date(account.createdAt),
    date_updated: rfc2822Date(account.updatedAt),
    friendly_name: account.friendlyName,
    owner_account_sid: account.parentSid ?? account.sid,
    sid: account.sid,
    status: account.status,
    type: "Full",
    uri,
    subresource_uris: {
      addresses: `/2010-04-01/Accounts/${account.sid}/Addresses.json`,
      incoming_phone_numbers: `/2010-04-01/Accounts/${account.sid}/IncomingPhoneNumbers.json`,
    },
  });
}
