import type { Metadata } from "next";

import { CreateWebhookEndpointForm, SendAgainButton, WebhookEndpointControls } from "@/components/staff/webhooks";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { requireAdmin } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";
import { recentDeliveries } from "@/lib/server/webhooks/delivery-log";
import { listWebhookEndpoints } from "@/lib/server/webhooks/endpoints";

export const metadata: Metadata = { title: "Webhooks" };

const STATE_WORDS: Record<string, string> = { PENDING: "waiting", DELIVERED: "delivered", FAILED: "given up" };

export default async function WebhooksPage() {
  await guardPage(requireAdmin);
  const [endpoints, deliveries] = await Promise.all([listWebhookEndpoints(), recentDeliveries()]);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Your product hears what happens to each customer: signed per Standard Webhooks, retried until delivered, in order per customer."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Endpoints">
          {endpoints.length === 0 ? (
            <p className="text-sm text-slate-600">No endpoint yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" aria-label="Webhook endpoints">
              {endpoints.map((endpoint) => (
                <li key={endpoint.id} className="py-2">
                  <p className="font-medium break-all text-slate-900">{endpoint.url}</p>
                  {endpoint.description ? <p className="text-slate-600">{endpoint.description}</p> : null}
                  <p className="text-xs text-slate-600">{endpoint.eventTypes.join(", ")}</p>
                  {endpoint.rotatingUntil ? (
                    <p className="text-xs text-slate-600">
                      The previous secret signs too until {formatDateTime(endpoint.rotatingUntil)}.
                    </p>
                  ) : null}
                  {endpoint.disabledAt ? (
                    <p className="text-red-700">Disabled {formatDateTime(endpoint.disabledAt)}</p>
                  ) : (
                    <WebhookEndpointControls id={endpoint.id} url={endpoint.url} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Add an endpoint">
          <CreateWebhookEndpointForm />
        </Card>
        <div className="lg:col-span-2">
          <Card title="Deliveries" description="The newest 50, each try with the endpoint's answer.">
            {deliveries.length === 0 ? (
              <p className="text-sm text-slate-600">Nothing sent yet.</p>
            ) : (
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-1 pr-3">
                      Event
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      Customer
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      State
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      Tries
                    </th>
                    <th scope="col" className="py-1">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {deliveries.map((delivery) => (
                    <tr key={delivery.id} className="border-b border-slate-100 align-top">
                      <td className="py-1 pr-3">
                        <span className="font-mono text-xs">{delivery.eventType}</span>
                        <br />
                        <span className="text-xs text-slate-500">{delivery.eventId}</span>
                      </td>
                      <td className="py-1 pr-3">{delivery.customer}</td>
                      <td className="py-1 pr-3">
                        {STATE_WORDS[delivery.state] ?? delivery.state}
                        {delivery.nextAttemptAt ? (
                          <span className="block text-xs text-slate-500">
                            next try {formatDateTime(delivery.nextAttemptAt)}
                          </span>
                        ) : null}
                      </td>
                      <td className="py-1 pr-3">
                        <ol className="space-y-1 text-xs">
                          {delivery.tries.map((attempt) => (
                            <li key={attempt.at}>
                              {formatDateTime(attempt.at)}: {attempt.status ?? "no answer"} ({attempt.durationMs} ms)
                              {attempt.answer ? (
                                <span className="block break-all text-slate-500">{attempt.answer}</span>
                              ) : null}
                            </li>
                          ))}
                        </ol>
                      </td>
                      <td className="py-1">
                        {delivery.state === "PENDING" ? null : (
                          <SendAgainButton id={delivery.id} label={`${delivery.eventType} to ${delivery.customer}`} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
