"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import type { BrandVerificationView } from "@/lib/brand/views";
import { resendBrandVerificationAction } from "@/lib/server/actions/brand-verification-actions";

const WORDS = {
  "sms-otp": {
    thing: "code",
    resend: "Send the code again",
    pending: (to: string, until: string) =>
      `Twilio texted a one-time code to ${to}. Reply to that text as it asks before ${until}; your brand is verified as soon as you do.`,
    expired: (to: string) =>
      `The code sent to ${to} expired before it was confirmed (codes last 24 hours). Send a new one and reply to it within 24 hours.`,
    verified: "Your mobile number confirmed the code: the brand's identity is verified.",
  },
  "email-2fa": {
    thing: "email",
    resend: "Send the email again",
    pending: (to: string, until: string) =>
      `The Campaign Registry emailed a verification link to ${to}. Click it before ${until} (links last 7 days); until then campaigns cannot start.`,
    expired: (to: string) =>
      `The verification link sent to ${to} expired (links last 7 days). Your provider can send a new email; the brand stays unverified until its link is clicked, and its campaigns cannot start.`,
    verified: "The brand contact confirmed the verification email: the brand is verified.",
  },
} as const;

const TONE = { pending: "info", expired: "warning", verified: "success" } as const;

/**
 * The verification Twilio sends for the brand (a sole proprietor's one-time code, a public
 * company's Authentication+ email): its state and window, and a form to send it again (posts
 * before the page hydrates).
 */
export function BrandVerificationCard({ view }: { view: BrandVerificationView }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(resendBrandVerificationAction, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const words = WORDS[view.method];
  const until = formatDateTime(view.expiresAt);
  return (
    <div className="space-y-3 text-sm" data-testid="brand-verification">
      <Alert
        tone={TONE[view.state]}
        title={view.state === "pending" ? "Waiting for you" : view.state === "expired" ? "Expired" : "Verified"}
      >
        {view.state === "pending"
          ? words.pending(view.sentTo, until)
          : view.state === "expired"
            ? words.expired(view.sentTo)
            : words.verified}
      </Alert>
      {view.state !== "verified" ? (
        <p className="text-slate-600">
          Last sent {formatDateTime(view.sentAt)}
          {view.sends > 1 ? ` (sent ${view.sends} times)` : ""}.
        </p>
      ) : null}
      {state?.ok ? <Alert tone="success">A new {words.thing} is on its way.</Alert> : null}
      {state && !state.ok ? <Alert tone="error">{state.formError}</Alert> : null}
      {view.canResend ? (
        <form action={action}>
          <input type="hidden" name="applicationId" value={view.applicationId} />
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Sending…" : words.resend}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
