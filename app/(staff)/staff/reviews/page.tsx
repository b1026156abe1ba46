import type { Metadata } from "next";
import Link from "next/link";

import { EmptyState, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { reviewQueue } from "@/lib/server/applications/review";
import { requireStaff } from "@/lib/server/auth/guards";
import { guardPage } from "@/lib/server/auth/page-guard";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewQueuePage() {
  await guardPage(requireStaff);
  const queue = await reviewQueue();
  return (
    <>
      <PageHeader
        title="Reviews"
        description="Applications, campaigns and toll-free verifications customers sent for review, oldest first."
      />
      {queue.length === 0 ? (
        <EmptyState title="Nothing to review">
          When a customer sends their application or campaign, it appears here.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
          {queue.map((item) => (
            <li
              key={`${item.what}:${item.applicationId}`}
              className="flex flex-wrap items-center justify-between gap-3 px-5 py-3"
            >
              <Link
                href={`/staff/applications/${item.applicationId}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {item.organizationName}
              </Link>
              <span className="text-sm text-slate-600">
                {item.what} · sent {item.submittedAt ? formatDateTime(item.submittedAt) : "—"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
