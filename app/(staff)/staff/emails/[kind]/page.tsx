import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { EmailTextForm } from "@/components/staff/email-text-form";
import { Card, PageHeader } from "@/components/ui/card";
import { EMAIL_KIND_IDS, EMAIL_KINDS, PLACEHOLDERS, type EmailKind } from "@/lib/email-texts/kinds";
import { requireAdmin } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";
import { emailTextFor } from "@/lib/server/email-texts/email-texts";

export const metadata: Metadata = { title: "Edit an email" };

export default async function EmailTextPage({ params }: { params: Promise<{ kind: string }> }) {
  await guardPage(requireAdmin);
  const { kind } = await params;
  if (!EMAIL_KIND_IDS.includes(kind as EmailKind)) notFound();
  const text = await emailTextFor(kind as EmailKind);
  const definition = EMAIL_KINDS[kind as EmailKind];
  return (
    <>
      <PageHeader title={`Email: ${definition.label}`} description={definition.when} />
      <p className="mb-4 text-sm">
        <Link href="/staff/emails" className="text-brand-700 underline">
          All emails
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card title={text.edited ? "Your wording" : "The portal's wording"}>
          <EmailTextForm kind={kind} subject={text.subject} body={text.body} />
        </Card>
        <Card title="Placeholders">
          <dl className="space-y-2 text-sm">
            {Object.entries(PLACEHOLDERS).map(([name, meaning]) => (
              <div key={name}>
                <dt className="font-mono text-xs">{`{{${name}}}`}</dt>
                <dd className="text-slate-600">{meaning}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}
