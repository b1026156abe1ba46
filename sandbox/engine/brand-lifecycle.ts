import { randomBytes } from "node:crypto";

import { isoDate } from "../core/clock";
import type { StoredResource } from "../core/store";
import { brandEvents } from "../events/a2p-events";
import { businessName } from "./bundle-lifecycle";
import type { Engine } from "./engine";

/**
 * A BrandRegistration's life: decided once Trust Hub has approved both bundles, by the documented
 * triggers on the business name (sandbox/README.md), with the code and Authentication+ waits, its
 * fees, and an event for each change.
 */

export function brandStep(engine: Engine, brand: StoredResource, step: string): void {
  const f = brand.fields;
  const now = engine.now();
  if (step === "decide") {
    const bundles = [
      engine.store.get(String(f.customer_profile_bundle_sid)),
      engine.store.get(String(f.a2p_profile_bundle_sid)),
    ];
    const rejected = bundles.filter((bundle) => bundle?.fields.status === "twilio-rejected");
    if (rejected.length) return failBrandForBundles(engine, brand, rejected as StoredResource[]);
    // TCR looks at the brand once Trust Hub has approved both bundles.
    if (!bundles.every((bundle) => bundle?.fields.status === "twilio-approved"))
      return engine.schedule(brand.sid, engine.delays.brandSeconds, "decide");
    // Documented triggers on the customer profile's business name (sandbox/README.md).
    const name = businessName(engine, bundles[0]!);
    // A Sole Proprietor brand is APPROVED with identity UNVERIFIED, and that change texts the
    // one-time code (Twilio's Sole Proprietor walkthrough §3.1): advance it with "otp-verified".
    if (f.brand_type === "SOLE_PROPRIETOR") return brandStep(engine, brand, "sole-proprietor-approved");
    if (/mismatch|fail/i.test(name)) return brandStep(engine, brand, "FAILED");
    // Authentication+ (live-twilio.md §5): TCR emails a 2FA link to a public company's brand
    // contact, and the brand waits (30994, "brand pending, awaiting 2FA") until it is clicked:
    // advance it with "email-2fa-clicked". Twilio does this for every public for-profit brand;
    // the sandbox does it for names with "Listed", so the demo's public Acme stays approved.
    if (/listed/i.test(name) && companyType(engine, bundles[1]!) === "public") return awaitTwoFactor(engine, brand);
    if (/review/i.test(name)) return brandStep(engine, brand, "IN_REVIEW");
    if (/unvetted/i.test(name) && f.brand_type === "STANDARD" && !f.skip_automatic_sec_vet)
      return brandStep(engine, brand, "vetting-failed");
    return brandStep(engine, brand, "APPROVED");
  }
  if (step === "APPROVED") {
    const vetted = f.brand_type === "STANDARD" && !f.skip_automatic_sec_vet;
    // A mock brand is not vetted by TCR and costs nothing (mock-brand-api.md).
    if (vetted && !f.mock) engine.chargeFee(brand.accountSid, "secondary_vetting", brand.sid);
    engine.store.update(
      brand,
      {
        status: "APPROVED",
        identity_status: vetted ? "VETTED_VERIFIED" : "VERIFIED",
        vetting_failed: false,
        brand_score: vetted ? 82 : null,
        tcr_id: f.tcr_id ?? `B${randomBytes(3).toString("hex").toUpperCase()}`,
        errors: [],
        failure_reason: null,
      },
      now,
    );
  } else if (step === "FAILED") {
    // The commonest failure, an identity check TCR could not pass (an EIN or name mismatch): the
    // brand is registered at TCR (it has a TCR id), FAILED in the API with identity UNVERIFIED, and
    // its events are brand-registered then brand-unverified (live-twilio.md §3, a2p-event-streams-setup.md).
    engine.store.update(
      brand,
      {
        status: "FAILED",
        tcr_id: f.tcr_id ?? `B${randomBytes(3).toString("hex").toUpperCase()}`,
        identity_status: "UNVERIFIED",
        vetting_failed: false,
        failure_reason: "Brand identity could not be verified.",
        errors: [
          {
            error_code: 30799,
            url: "https://www.twilio.com/docs/errors/30799",
            description:
              "The business identity provided does not match the records for this EIN/Tax ID. Check the legal business name, the registration number and the address.",
            fields: ["business_name", "business_registration_number", "address"],
          },
        ],
      },
      now,
    );
  } else if (step === "sole-proprietor-approved") {
    // "When the Sole Proprietor Brand first enters the APPROVED state, the identity_status will still
    // be UNVERIFIED. The change to the APPROVED state triggers a new SMS OTP" (walkthrough §3.1); a
    // mock brand is sent no OTP (mock-brand-api.md), so it stays unverified.
    engine.store.update(
      brand,
      {
        status: "APPROVED",
        identity_status: "UNVERIFIED",
        tcr_id: f.tcr_id ?? `B${randomBytes(3).toString("hex").toUpperCase()}`,
        otp_sent_at: f.mock ? null : isoDate(now),
        errors: [],
        failure_reason: null,
      },
      now,
    );
  } else if (step === "vetting-failed") {
    // TCR's secondary vetting failed (Event Streams guide: brand-secondary-vetting-failure, with
    // brandvettingerrors). What the API shows of such a brand is unpublished: the sandbox keeps it
    // APPROVED with identity UNVERIFIED and the vetting's error (30801, Twilio's example), charges the
    // vetting (it ran), and the portal tolerates any shape (it reads the event's identity).
    if (!f.mock) engine.chargeFee(brand.accountSid, "secondary_vetting", brand.sid);
    engine.store.update(
      brand,
      {
        status: "APPROVED",
        identity_status: "UNVERIFIED",
        vetting_failed: true,
        brand_score: null,
        tcr_id: f.tcr_id ?? `B${randomBytes(3).toString("hex").toUpperCase()}`,
        errors: [
          {
            error_code: 30801,
            url: "https://www.twilio.com/docs/errors/30801",
            description: "The submitted business address could not be verified.",
            fields: ["address"],
          },
        ],
      },
      now,
    );
  } else if (step === "IN_REVIEW") {
    engine.store.update(brand, { status: "IN_REVIEW" }, now);
    return;
  } else if (step === "email-2fa-clicked") {
    return brandStep(engine, brand, "APPROVED");
  } else if (step === "email-2fa-failed") {
    // An Authentication+ failure (troubleshooting-standard-lvs-brands.md, 21736–21741): the
    // sandbox's is 21739, verification failed or timed out ("re-initiate the 2FA request"); the
    // brand is FAILED at TCR with identity UNVERIFIED (the status Twilio gives it is unpublished).
    engine.store.update(
      brand,
      {
        status: "FAILED",
        identity_status: "UNVERIFIED",
        tcr_id: f.tcr_id ?? `B${randomBytes(3).toString("hex").toUpperCase()}`,
        errors: [
          {
            error_code: 21739,
            url: "https://www.twilio.com/docs/errors/21739",
            description: "2FA verification failed or timed out: the verification process was not completed.",
            fields: [],
          },
        ],
      },
      now,
    );
  } else if (step === "otp-verified") {
    // The owner replied YES: "the Brand state will remain as APPROVED, and their identity_status
    // will now change to VERIFIED" (walkthrough §3.1). No code was sent before APPROVED.
    if (f.status !== "APPROVED" || !f.otp_sent_at) return;
    engine.store.update(
      brand,
      { status: "APPROVED", identity_status: "VERIFIED", errors: [], failure_reason: null },
      now,
    );
  } else if (["PENDING", "SUSPENDED"].includes(step)) {
    // No documented event for these (the Event Streams guide): the portal's sync brings them.
    engine.store.update(brand, { status: step }, now);
    return;
  } else return;
  for (const event of brandEvents(brand, "identity")) engine.deliveries.publish(brand, event, engine.now());
}

export function awaitTwoFactor(engine: Engine, brand: StoredResource): void {
  const now = engine.now();
  engine.store.update(
    brand,
    {
      identity_status: "UNVERIFIED",
      two_fa_sent_at: brand.fields.two_fa_sent_at ?? isoDate(now),
      errors: [
        {
          error_code: 30994,
          url: "https://www.twilio.com/docs/errors/30994",
          description:
            "Brand pending: awaiting Authentication+ verification. The Campaign Registry emailed a link to the brand contact email.",
          fields: ["brand_contact_email"],
        },
      ],
    },
    now,
  );
}

/** The company type on a messaging-profile trust product (us_a2p_messaging_profile_information). */
function companyType(engine: Engine, trustProduct: StoredResource): string {
  for (const assignment of engine.store.list("EntityAssignment", (a) => a.parentSid === trustProduct.sid)) {
    const object = engine.store.get(String(assignment.fields.object_sid));
    if (object?.kind === "EndUser" && object.fields.type === "us_a2p_messaging_profile_information")
      return String((object.fields.attributes as Record<string, unknown>).company_type ?? "");
  }
  return "";
}

function failBrandForBundles(engine: Engine, brand: StoredResource, rejected: StoredResource[]): void {
  const errors = rejected.flatMap((bundle) =>
    ((bundle.fields.errors as { code: number; message: string; fields?: string[] }[] | null) ?? []).map((error) => ({
      error_code: error.code,
      url: `https://www.twilio.com/docs/errors/${error.code}`,
      description: error.message,
      fields: error.fields ?? [],
    })),
  );
  engine.store.update(
    brand,
    {
      status: "FAILED",
      identity_status: "UNVERIFIED",
      failure_reason: "A Trust Hub bundle of this brand was rejected.",
      errors,
    },
    engine.now(),
  );
  // Rejected bundles fail the brand before TCR registers it: Twilio's brand-failure event.
  for (const event of brandEvents(brand, "validation-failure")) engine.deliveries.publish(brand, event, engine.now());
}
