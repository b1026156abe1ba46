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
      `Twilio texted ${to} from +1 (915) 278-2000 asking you to confirm your registration. Reply YES before ${until}; your brand is verified as soon as you do.`,
    expired: (to: string) =>
      `The text sent to ${to} expired before it was confirmed (it lasts 24 hours). Send a new one and reply YES within 24 hours.`,
    failed: () => "",
    verified: "Your mobile number confirmed the registration: the brand's identity is verified.",
  },
  "email-2fa": {
    thing: "verification",
    resend: "Verify again",
    pending: (to: string, until: string) =>
      `The Campaign Registry emailed a verification link to ${to} (Authentication+). Click it by ${until} (links last 7 days); until then campaigns cannot start. If it did not arrive, your provider can resend it from Twilio's Console.`,
    expired: (to: string) =>
      `The verification link sent to ${to} expired before it was clicked. Your provider can verify again (a new Authentication+ fee); the brand stays unverified and its campaigns cannot start until then.`,
    failed: (to: string) =>
      `The Campaign Registry could not verify the brand contact ${to}. Fix the brand contact email (a company address, not a free mail service); your provider then verifies again (a new Authentication+ fee).`,
    verified: "The brand contact confirmed the verification email: the brand is verified.",
  },
} as const;

const TONE = { pending: "info", expired: "warning", failed: "error", verified: "success" } as const;
const TITLE = { pending: "Waiting for you", expired: "Expired", failed: "Not verified", verified: "Verified" } as const;

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
      <Alert tone={TONE[view.state]} title={TITLE[view.state]}>
        {view.state === "pending"
          ? words.pending(view.sentTo, until)
          : view.state === "expired"
            ? words.expired(view.sentTo)
            : view.state === "failed"
              ? words.failed(view.sentTo)
              : words.verified}
        {view.failure ? (
          <span className="mt-1 block text-xs" data-testid="verification-failure">
            Twilio: error {view.failure.code}
            {view.failure.description ? `, ${view.failure.description}` : ""}
          </span>
        ) : null}
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
        <form action={action} className="space-y-2">
          <input type="hidden" name="applicationId" value={view.applicationId} />
          {view.resendFeeUsd !== null ? (
            <label className="flex items-start gap-2 text-slate-700">
              <input type="checkbox" name="acceptFee" className="mt-1" />
              <span>
                I accept a new Authentication+ fee of ${view.resendFeeUsd.toFixed(2)} (each verification is charged by
                The Campaign Registry).
              </span>
            </label>
          ) : null}
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Sending…" : words.resend}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
