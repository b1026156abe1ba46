import "server-only";

import { addressParams, friendlyName, type ProvisioningStep } from "@/lib/trusthub/payloads";

import { createAddress, findAddressNamed, updateAddress } from "../../twilio/addresses";
import {
  createEndUser,
  createSupportingDocument,
  findEndUserNamed,
  findSupportingDocumentNamed,
  updateEndUser,
  updateSupportingDocument,
  type BundleKind,
} from "../../twilio/trust-hub";
import { adoptOrCreate } from "../adopt-or-create";
import { sidOf, type StepContext } from "../step-context";
import { bundleEditable } from "./trust-hub-bundles";

/**
 * The items a bundle holds: EndUsers (business, representatives, messaging profile), the Address
 * (2010 API) and its SupportingDocument. Known items are updated with the application's current
 * data while their bundle still takes changes.
 */
export function endUserStep(
  ctx: StepContext,
  step: ProvisioningStep,
  bundle: BundleKind,
  type: string,
  attributes: () => object,
): () => Promise<string> {
  const name = friendlyName(ctx.application, ctx.applicationId, step);
  return () =>
    adoptOrCreate(ctx, step, {
      // Twilio has no friendly-name filter on EndUsers: every page is read (only after a lost answer).
      find: () => findEndUserNamed(ctx.account, name),
      create: () => createEndUser(ctx.account, { friendlyName: name, type, attributes: attributes() }),
      update: (sid) => updateEndUser(ctx.account, sid, attributes()),
      editable: () => bundleEditable(ctx, bundle),
    });
}

export function addressStep(ctx: StepContext): () => Promise<string> {
  const params = () => addressParams(ctx.application, ctx.applicationId);
  return () =>
    adoptOrCreate(ctx, "address", {
      find: () => findAddressNamed(ctx.account, params().friendlyName),
      create: () => createAddress(ctx.account, params()),
      update: (sid) => updateAddress(ctx.account, sid, params()),
      editable: () => bundleEditable(ctx, "customer-profile"),
    });
}

export function addressDocumentStep(ctx: StepContext): () => Promise<string> {
  const name = friendlyName(ctx.application, ctx.applicationId, "address-document");
  return async () => {
    const addressSid = await sidOf(ctx, "address");
    const attributes = { address_sids: addressSid };
    return adoptOrCreate(ctx, "address-document", {
      find: () => findSupportingDocumentNamed(ctx.account, name),
      create: () =>
        createSupportingDocument(ctx.account, { friendlyName: name, type: "customer_profile_address", attributes }),
      update: (sid) => updateSupportingDocument(ctx.account, sid, attributes),
      editable: () => bundleEditable(ctx, "customer-profile"),
    });
  };
}
