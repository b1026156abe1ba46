import type { Metadata } from "next";
import Link from "next/link";

import { CreateApiKeyForm, RevokeApiKeyButton } from "@/components/staff/api-keys";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { listApiKeys } from "@/lib/server/api-keys/api-keys";
import { requireAdmin } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await guardPage(requireAdmin);
  const keys = await listApiKeys();
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys your own product uses to create customers and follow their registration through the portal's API."
      />
      <p className="mb-4 text-sm text-slate-700">
        The API is described in{" "}
        <Link href="/developers/api" className="text-brand-700 underline">
          the API reference
        </Link>{" "}
        and in its OpenAPI document, <code className="font-mono text-xs">/api/v1/openapi.json</code>.
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Keys">
          {keys.length === 0 ? (
            <p className="text-sm text-slate-600">No key yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" aria-label="API keys">
              {keys.map((key) => (
                <li key={key.id} className="py-2">
                  <p className="font-medium text-slate-900">
                    {key.name}{" "}
                    <span className="ml-1 text-xs text-slate-500">
                      {key.scope === "read_write" ? "read and write" : "read only"}
                    </span>
                  </p>
                  <p className="text-slate-600">
                    <code className="font-mono text-xs">{key.prefix}_…</code> · made {formatDateTime(key.createdAt)} ·{" "}
                    {key.lastUsedAt ? `last used ${formatDateTime(key.lastUsedAt)}` : "never used"}
                  </p>
                  {key.revokedAt ? (
                    <p className="text-red-700">Revoked {formatDateTime(key.revokedAt)}</p>
                  ) : (
                    <RevokeApiKeyButton id={key.id} name={key.name} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Make a key">
          <CreateApiKeyForm />
        </Card>
      </div>
    </>
  );
}
