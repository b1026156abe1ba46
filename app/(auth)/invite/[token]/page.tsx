import type { Metadata } from "next";
import Link from "next/link";

import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { Alert } from "@/components/ui/alert";
import { findInvitation, invitationProblem } from "@/lib/server/invitations/find-invitation";

export const metadata: Metadata = { title: "Accept invitation" };

export default async function AcceptInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const lookup = await findInvitation(token);
  if (lookup.status !== "valid") {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">Invitation</h1>
        <div className="mt-6">
          <Alert tone="error">{invitationProblem[lookup.status]}</Alert>
        </div>
        <p className="mt-6 text-sm">
          <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
            Go to sign in
          </Link>
        </p>
      </>
    );
  }
  const { invitation } = lookup;
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Create your account</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        {invitation.organization
          ? `You are invited to register ${invitation.organization.name} for business messaging.`
          : "You are invited to join the portal as staff."}
      </p>
      <AcceptInvitationForm token={token} email={invitation.email} name={invitation.name} />
    </>
  );
}
