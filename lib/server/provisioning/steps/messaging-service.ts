import "server-only";
import { friendlyName } from "@/lib/trusthub/payloads";
import { adoptOrCreate, everyPage } from "../adopt-or-create";
import type { StepContext } from "../step-context";

/** The customer's Messaging Service (seed 000 step 4), where the campaign and sender numbers go. */
export function messagingServiceStep(ctx: StepContext): () => Promise<string> {
  const name = friendlyName(ctx.application, ctx.applicationId, "messaging-service");
  return () =>
    adoptOrCreate(ctx, "messaging-service", {
      find: async () =>
        (await ctx.client.messaging.v1.services.list(everyPage())).find((service) => service.friendlyName === name)
          ?.sid ?? null,
      create: async () => (await ctx.client.messaging.v1.services.create({ friendlyName: name })).sid,
    });
}
