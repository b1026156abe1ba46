import "server-only";

import { describeErrorForLog } from "@/lib/logging/redact";

import { audit } from "../audit/audit";
import { db } from "../db";
import { organizationCredentials } from "../twilio/account-credentials";
import { twilioAccount } from "../twilio/client";
import { graphStep } from "./graph";
import type { ProvisioningDeps } from "./run-provisioning";

/**
 * The pipeline as the portal runs it: the configured Twilio (or sandbox) client for the customer's
 * account, every call written to the audit log (method, path, status, Twilio code, duration; the
 * path holds SIDs only, no personal data).
 */
export function portalProvisioningDeps(): ProvisioningDeps {
  return {
    accountFor: (organization) => {
      const credentials = organizationCredentials(organization);
      return twilioAccount(credentials, {
        onCall: (call) =>
          void audit(db, {
            action: "twilio.call",
            targetType: "TwilioApi",
            organizationId: organization.id,
            metadata: { ...call, step: graphStep.getStore() ?? null },
          }).catch((error: unknown) => console.error("[audit] twilio call not recorded", describeErrorForLog(error))),
      });
    },
  };
}
