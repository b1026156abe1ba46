// Regenerates sandbox/shapes.generated.json: for each resource the sandbox serves, the list of
// properties Twilio's OpenAPI schema gives it. The sandbox fills every listed property (null when
// unset), so its answers carry exactly Twilio's keys. Needs ../shared/twilio-oai (not shipped).
//   node sandbox/generate-shapes.mjs [path/to/twilio-oai]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const oai = process.argv[2] ?? path.resolve(here, "../../shared/twilio-oai");
const schemas = {};
for (const file of [
  "twilio_trusthub_v1.json",
  "twilio_messaging_v1.json",
  "twilio_api_v2010.json",
  "twilio_events_v1.json",
]) {
  Object.assign(schemas, JSON.parse(readFileSync(path.join(oai, file), "utf8")).components.schemas);
}

const wanted = [
  "trusthub.v1.policies",
  "trusthub.v1.customer_profile",
  "trusthub.v1.customer_profile.customer_profile_entity_assignment",
  "trusthub.v1.customer_profile.customer_profile_evaluation",
  "trusthub.v1.customer_profile.customer_profile_channel_endpoint_assignment",
  "trusthub.v1.trust_product",
  "trusthub.v1.trust_product.trust_product_entity_assignment",
  "trusthub.v1.trust_product.trust_product_evaluation",
  "trusthub.v1.trust_product.trust_product_channel_endpoint_assignment",
  "trusthub.v1.end_user",
  "trusthub.v1.supporting_document",
  "api.v2010.account",
  "api.v2010.account.address",
  "api.v2010.account.incoming_phone_number",
  "messaging.v1.brand_registrations",
  "messaging.v1.brand_registrations.brand_registration_otp",
  "messaging.v1.brand_registrations.brand_vetting",
  "messaging.v1.service",
  "messaging.v1.service.phone_number",
  "messaging.v1.service.us_app_to_person",
  "messaging.v1.service.us_app_to_person_usecase",
  "messaging.v1.tollfree_verification",
  "events.v1.sink",
  "events.v1.subscription",
];
const shapes = Object.fromEntries(
  wanted.map((name) => {
    if (!schemas[name]) throw new Error(`schema ${name} not found in ${oai}`);
    return [name, Object.keys(schemas[name].properties ?? {})];
  }),
);
writeFileSync(path.join(here, "shapes.generated.json"), `${JSON.stringify(shapes, null, 2)}\n`);
console.info(`wrote ${wanted.length} resource shapes`);
