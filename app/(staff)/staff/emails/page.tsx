import type { Metadata } from "next";
import Link from "next/link";

import { Card, PageHeader } from "@/components/ui/card";
import { EMAIL_KIND_IDS, EMAIL_KINDS } from "@/lib/email-texts/kinds";
import { requireAdmin } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";
import { emailTextFor } from "@/lib/server/email-texts/email-texts";

export const metadata: Metadata = { title: "Emails" };

export default async function EmailsPage() {
  await guardPage(requireAdmin);
  const texts = await Promise.all(EMAIL_KIND_IDS.map(async (kind) => ({ kind, ...(await emailTextFor(kind)) })));
  return (
    <>
      <PageHeader
        title="Emails"
        description="The emails your customers receive, in your words: a greeting, a sign-off, a subject of your own around what the portal has to tell them."
      />
      <Card title="Kinds of email">
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Kinds of email">
          {texts.map(({ kind, edited }) => (
            <li key={kind} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
              <span>
                <Link href={`/staff/emails/${kind}`} className="font-medium text-brand-700 underline">
                  {EMAIL_KINDS[kind].label}
                </Link>
                <span className="ml-2 text-slate-600">{EMAIL_KINDS[kind].when}</span>
              </span>
              <span className="text-xs text-slate-500">{edited ? "Your wording" : "The portal's wording"}</span>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
