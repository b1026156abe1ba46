import twilio from "twilio";

import { db } from "@/lib/server/db";
import type { ProvisioningDeps } from "@/lib/server/provisioning/run-provisioning";
import { organizationCredentials } from "@/lib/server/twilio/account-credentials";
import { TwilioHttpClient, type TwilioCallRecord } from "@/lib/server/twilio/http-client";
import { DEFAULT_ACCOUNT_SID, PRIMARY_CUSTOMER_PROFILE_SID } from "@/sandbox/defaults";

import { ACME } from "./acme";
import { makeUser } from "./factories";
import type { TestSandbox } from "./sandbox-harness";

export async function configureIsv() {
  await db.isvSettings.upsert({
    where: { id: 1 },
    create: {
      id: 1,
      notificationEmail: "compliance@isv.example",
      primaryCustomerProfileSid: PRIMARY_CUSTOMER_PROFILE_SID,
    },
    update: { notificationEmail: "compliance@isv.example", primaryCustomerProfileSid: PRIMARY_CUSTOMER_PROFILE_SID },
  });
}

/** An organization whose application (the seeds' Acme data, varied) waits for staff review. */
export async function submittedApplication(name: string, changes: (draft: typeof ACME) => typeof ACME = (d) => d) {
  const organization = await db.organization.create({ data: { name } });
  const draft = changes(
    structuredClone({
      ...ACME,
      business: { ...ACME.business, businessName: name },
      address: { ...ACME.address, customerName: name },
    }),
  );
  const application = await db.onboardingApplication.create({
    data: { organizationId: organization.id, draft, status: "SUBMITTED", submittedAt: new Date() },
  });
  const { user: staff } = await makeUser({ role: "STAFF" });
  return { organization, application, staff };
}

/** The pipeline's dependencies, aimed at a test sandbox, with quick retries and short timeouts. */
export function testDeps(sandbox: TestSandbox, calls: TwilioCallRecord[] = []): ProvisioningDeps {
  return {
    // The portal's own credential rule: the ISV's account, or a subaccount with its own (decrypted) token.
    accountFor: (organization) => {
      const { accountSid, authToken } = organizationCredentials(organization);
      return {
        sid: accountSid,
        sdk: twilio(accountSid, authToken, {
          httpClient: new TwilioHttpClient(sandbox.url, { timeoutMs: 800, onCall: (call) => calls.push(call) }),
        }),
      };
    },
    retry: { attempts: 8, baseMs: 20, maxMs: 200 },
    concurrency: 4,
    brandSpacingMs: 1100,
  };
}

/** What the sandbox holds for one business: its resources named after it, and its brand fees. */
export async function sandboxResourcesFor(sandbox: TestSandbox, businessName: string) {
  const state = await sandbox.control("GET", "state");
  const account = state.body.accounts!.find((a) => a.sid === DEFAULT_ACCOUNT_SID)!;
  const named = (group: string) =>
    (account.resources[group] ?? []).filter((r) => String(r.friendly_name ?? "").includes(businessName));
  const profiles = named("CustomerProfiles");
  const products = named("TrustProducts");
  const bundleSids = new Set([...profiles, ...products].map((r) => r.sid));
  const brands = (account.resources.BrandRegistrations ?? []).filter((b) =>
    bundleSids.has(b.customer_profile_bundle_sid as string),
  );
  const brandSids = new Set(brands.map((b) => b.sid));
  return {
    profiles,
    products,
    endUsers: named("EndUsers"),
    documents: named("SupportingDocuments"),
    addresses: named("Addresses"),
    services: named("Services"),
    brands,
    brandFees: account.fees.filter((fee) => fee.type === "brand_registration" && brandSids.has(fee.resourceSid)),
  };
}

/** What the portal recorded for one provisioning step of an application (it must exist). */
export function recordedStep(applicationId: string, step: string) {
  return db.twilioResource.findUniqueOrThrow({ where: { applicationId_step: { applicationId, step } } });
}
