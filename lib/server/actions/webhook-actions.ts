"use server";

import { revalidatePath } from "next/cache";

import { fail, ok } from "@/lib/action-result";
import { createWebhookEndpointSchema, webhookEndpointIdSchema } from "@/lib/staff/schema";

import { requireAdmin } from "../auth/guards";
import { enqueueWebhookDelivery } from "../jobs/enqueue";
import { sendDeliveryAgain } from "../webhooks/deliver";
import { createWebhookEndpoint, disableWebhookEndpoint, rotateWebhookSecret } from "../webhooks/endpoints";
import { defineFormAction } from "./define-action";

const PAGE = "/staff/webhooks";

/** An administrator adds an endpoint; its signing secret is in this answer and then kept encrypted. */
export const createWebhookEndpointAction = defineFormAction(
  requireAdmin,
  createWebhookEndpointSchema,
  async (input, admin) => {
    const { endpoint, secret } = await createWebhookEndpoint(input, admin.id);
    revalidatePath(PAGE);
    return ok({ url: endpoint.url, secret });
  },
);

/** A new secret, shown once; the previous one signs beside it for a day. */
export const rotateWebhookSecretAction = defineFormAction(
  requireAdmin,
  webhookEndpointIdSchema,
  async (input, admin) => {
    const secret = await rotateWebhookSecret(input.id, admin.id);
    if (!secret) return fail("This endpoint is disabled or gone.");
    revalidatePath(PAGE);
    return ok({ secret });
  },
);

export const disableWebhookEndpointAction = defineFormAction(
  requireAdmin,
  webhookEndpointIdSchema,
  async (input, admin) => {
    if (!(await disableWebhookEndpoint(input.id, admin.id))) return fail("This endpoint is already disabled.");
    revalidatePath(PAGE);
    return ok(undefined);
  },
);

/** "Send again": the delivery is sent once more, with its message id, in its customer's order. */
export const sendWebhookAgainAction = defineFormAction(requireAdmin, webhookEndpointIdSchema, async (input, admin) => {
  if (!(await sendDeliveryAgain(input.id, admin.id))) return fail("This delivery is already waiting to be sent.");
  await enqueueWebhookDelivery();
  revalidatePath(PAGE);
  return ok(undefined);
});
