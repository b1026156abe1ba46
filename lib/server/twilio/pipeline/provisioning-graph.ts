import "server-only";
import {
  businessInformationAttributes,
  messagingProfileAttributes,
  representativeAttributes,
} from "@/lib/trusthub/payloads";
import type { GraphNode } from "./graph";
import type { StepContext } from "./step-context";
import { brandStep } from "./steps/brand";
import { campaignStep, type ApprovedCampaign } from "./steps/campaign";
import { eventStreamStep } from "./steps/event-stream";
import { messagingServiceStep } from "./steps/messaging-service";
import { SHAKEN_STIR_STEP, shakenStirStep } from "./steps/shaken-stir";
import { assignStep, bundleStep, evaluateStep, submitStep } from "./steps/trust-hub-bundles";
import { addressDocumentStep, addressStep, endUserStep } from "./steps/trust-hub-items";

/**
 * The seeds' calls as a dependency graph (seed 000 sections 1–4, seed 001): what can run at the
 * same time does. Each step lives with its Twilio resource family under steps/.
 */
export function provisioningGraph(ctx: StepContext): GraphNode[] {
  const app = ctx.application;
  const node = (id: string, deps: string[], run: () => Promise<unknown>): GraphNode => ({
    id,
    deps,
    run: async () => void (await run()),
  });
  const secondRep = app.representatives.secondary;
  const profileAssignments = [
    "assign:customer-profile:business-information",
    "assign:customer-profile:representative-1",
    "assign:customer-profile:address-document",
    "assign:customer-profile:primary-customer-profile",
    ...(secondRep ? ["assign:customer-profile:representative-2"] : []),
  ];
  const nodes: GraphNode[] = [
    node("event-stream", [], eventStreamStep(ctx)),
    // Secondary Customer Profile and its items (seed 000 section 1).
    node("customer-profile", [], bundleStep(ctx, "customer-profile")),
    node(
      "business-information",
      [],
      endUserStep(ctx, "business-information", "customer-profile", "customer_profile_business_information", () =>
        businessInformationAttributes(app),
      ),
    ),
    node(
      "representative-1",
      [],
      endUserStep(ctx, "representative-1", "customer-profile", "authorized_representative_1", () =>
        representativeAttributes(app.representatives.primary),
      ),
    ),
    node("address", [], addressStep(ctx)),
    node("address-document", ["address"], addressDocumentStep(ctx)),
    node(
      "assign:customer-profile:business-information",
      ["customer-profile", "business-information"],
      assignStep(ctx, "customer-profile", "business-information"),
    ),
    node(
      "assign:customer-profile:representative-1",
      ["customer-profile", "representative-1"],
      assignStep(ctx, "customer-profile", "representative-1"),
    ),
    node(
      "assign:customer-profile:address-document",
      ["customer-profile", "address-document"],
      assignStep(ctx, "customer-profile", "address-document"),
    ),
    node(
      "assign:customer-profile:primary-customer-profile",
      ["customer-profile"],
      assignStep(ctx, "customer-profile", null, ctx.primaryCustomerProfileSid),
    ),
    ...(secondRep
      ? [
          node(
            "representative-2",
            [],
            endUserStep(ctx, "representative-2", "customer-profile", "authorized_representative_2", () =>
              representativeAttributes(secondRep),
            ),
          ),
          node(
            "assign:customer-profile:representative-2",
            ["customer-profile", "representative-2"],
            assignStep(ctx, "customer-profile", "representative-2"),
          ),
        ]
      : []),
    // A2P messaging-profile TrustProduct (seed 000 section 2).
    node("trust-product", [], bundleStep(ctx, "trust-product")),
    node(
      "messaging-profile",
      [],
      endUserStep(ctx, "messaging-profile", "trust-product", "us_a2p_messaging_profile_information", () =>
        messagingProfileAttributes(app),
      ),
    ),
    node(
      "assign:trust-product:messaging-profile",
      ["trust-product", "messaging-profile"],
      assignStep(ctx, "trust-product", "messaging-profile"),
    ),
    node(
      "assign:trust-product:customer-profile",
      ["trust-product", "customer-profile"],
      assignStep(ctx, "trust-product", "customer-profile"),
    ),
    // Messaging Service (seed 000 section 4): independent of the rest.
    node("messaging-service", [], messagingServiceStep(ctx)),
    node("evaluate:customer-profile", profileAssignments, evaluateStep(ctx, "customer-profile")),
    node("submit:customer-profile", ["evaluate:customer-profile"], submitStep(ctx, "customer-profile")),
    // The trust product is evaluated once the profile is compliant (it includes the profile).
    node(
      "evaluate:trust-product",
      ["assign:trust-product:messaging-profile", "assign:trust-product:customer-profile", "evaluate:customer-profile"],
      evaluateStep(ctx, "trust-product"),
    ),
    node(
      "submit:trust-product",
      ["evaluate:trust-product", "submit:customer-profile"],
      submitStep(ctx, "trust-product"),
    ),
    // BrandRegistration (seed 000 section 3), once both bundles are submitted.
    node("brand", ["submit:customer-profile", "submit:trust-product"], brandStep(ctx)),
  ];
  return nodes;
}

/**
 * The campaign phase (seed 000 section 5), run once staff approve the campaign: the brand and the
 * Messaging Service it builds on are recorded by the registration phase.
 */
export function campaignGraph(ctx: StepContext, approved: ApprovedCampaign): GraphNode[] {
  return [{ id: "campaign", deps: [], run: campaignStep(ctx, approved) }];
}

/**
 * The voice phase (seed 002), run when staff (or the customer) choose numbers for SHAKEN/STIR:
 * the Secondary Customer Profile it builds on is recorded by the registration phase.
 */
export function voiceGraph(ctx: StepContext): GraphNode[] {
  return [{ id: SHAKEN_STIR_STEP, deps: [], run: shakenStirStep(ctx) }];
}
