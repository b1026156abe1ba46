import "server-only";

import { friendlyName } from "@/lib/trusthub/payloads";

import { createService, findServiceNamed } from "../../twilio/messaging-services";
import { adoptOrCreate } from "../adopt-or-create";
import type { StepContext } from "../step-context";

/** The customer's Messaging Service (seed 000 step 4), where the campaign and sender numbers go. */
export function messagingServiceStep(ctx: StepContext): () => Promise<string> {
  const name = friendlyName(ctx.application, ctx.applicationId, "messaging-service");
  return () =>
    adoptOrCreate(ctx, "messaging-service", {
      find: () => findServiceNamed(ctx.account, name),
      create: () => createService(ctx.account, name),
    });
}
