"use client";

import { useState } from "react";

import { formatDateTime } from "@/components/ui/format";

/** The invitation link for staff to copy and pass on; also emailed when SMTP is configured. */
export function InvitationLink({
  link,
  emailed,
  expiresAt,
  email,
}: {
  link: string;
  emailed: boolean;
  expiresAt: string;
  email: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900">
      <p className="font-semibold">Invitation created for {email}</p>
      <p className="mt-1">
        {emailed ? "We emailed this link to them. " : "Email is not configured, so send them this link yourself. "}
        It works once, until {formatDateTime(expiresAt)}.
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <label htmlFor="invitation-link" className="sr-only">
          Invitation link
        </label>
        <input
          id="invitation-link"
          readOnly
          value={link}
          data-testid="invitation-link"
          onFocus={(event) => event.currentTarget.select()}
          className="w-full rounded-md border border-emerald-300 bg-white px-3 py-2 font-mono text-xs text-slate-800"
        />
        <button
          type="button"
          className="rounded-md bg-emerald-700 px-3 py-2 font-semibold text-white hover:bg-emerald-800"
          onClick={async () => {
            await navigator.clipboard?.writeText(link).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </button>
      </div>
    </div>
  );
}
