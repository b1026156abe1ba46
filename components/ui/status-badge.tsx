import type { ApplicationStatus } from "@prisma/client";

const labels: Record<ApplicationStatus, { text: string; className: string }> = {
  DRAFT: { text: "Draft", className: "bg-slate-100 text-slate-700" },
  SUBMITTED: { text: "In staff review", className: "bg-brand-50 text-brand-700" },
  CHANGES_REQUESTED: { text: "Changes requested", className: "bg-amber-100 text-amber-900" },
  APPROVED: { text: "Approved", className: "bg-emerald-100 text-emerald-800" },
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const label = labels[status];
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ${label.className}`}>
      {label.text}
    </span>
  );
}
