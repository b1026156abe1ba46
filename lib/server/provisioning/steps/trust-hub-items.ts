import "server-only";
import { addressParams, friendlyName, type ProvisioningStep } from "@/lib/trusthub/payloads";
import { adoptOrCreate, everyPage } from "../adopt-or-create";
import { sidOf, type StepContext } from "../step-context";
import { bundleEditable, type BundleKind } from "./trust-hub-bundles";

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
      find: async () =>
        (await ctx.client.trusthub.v1.endUsers.list(everyPage())).find((user) => user.friendlyName === name)?.sid ??
        null,
      create: async () =>
        (await ctx.client.trusthub.v1.endUsers.create({ friendlyName: name, type, attributes: attributes() })).sid,
      update: (sid) => ctx.client.trusthub.v1.endUsers(sid).update({ attributes: attributes() }),
      editable: () => bundleEditable(ctx, bundle),
    });
}

export function addressStep(ctx: StepContext): () => Promise<string> {
  const params = () => addressParams(ctx.application, ctx.applicationId);
  return () =>
    adoptOrCreate(ctx, "address", {
      find: async () =>
        (await ctx.client.addresses.list({ friendlyName: params().friendlyName, pageSize: 50 }))[0]?.sid ?? null,
      create: async () => (await ctx.client.addresses.create(params())).sid,
      update: (sid) => {
        const { isoCountry: _country, ...changes } = params();
        void _country;
        return ctx.client.addresses(sid).update(changes);
      },
      editable: () => bundleEditable(ctx, "customer-profile"),
    });
}

export function addressDocumentStep(ctx: StepContext): () => Promise<string> {
  const name = friendlyName(ctx.application, ctx.applicationId, "address-document");
  return async () => {
    const addressSid = await sidOf(ctx, "address");
    return adoptOrCreate(ctx, "address-document", {
      find: async () =>
        (await ctx.client.trusthub.v1.supportingDocuments.list(everyPage())).find(
          (document) => document.friendlyName === name,
        )?.sid ?? null,
      create: async () =>
        (
          await ctx.client.trusthub.v1.supportingDocuments.create({
            friendlyName: name,
            type: "customer_profile_address",
            attributes: { address_sids: addressSid },
          })
        ).sid,
      update: (sid) =>
        ctx.client.trusthub.v1.supportingDocuments(sid).update({ attributes: { address_sids: addressSid } }),
      editable: () => bundleEditable(ctx, "customer-profile"),
    });
  };
}
