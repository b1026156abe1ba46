"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";

import { Button } from "@/components/ui/button";
import { InlineFormError } from "@/components/ui/inline-form-error";
import { changeStaffRoleAction, removeUserAction } from "@/lib/server/actions/staff-actions";

/**
 * An administrator's controls for one person: the other role, and removal. Each ends every session
 * the person has; both are forms that post before the page hydrates.
 */
export function MemberControls({
  userId,
  label,
  role,
}: {
  userId: string;
  label: string;
  role: "ADMIN" | "STAFF" | "CUSTOMER";
}) {
  const router = useRouter();
  const [roleState, changeRole, changing] = useActionState(changeStaffRoleAction, null);
  const [removeState, remove, removing] = useActionState(removeUserAction, null);
  useEffect(() => {
    if (roleState?.ok || removeState?.ok) router.refresh();
  }, [roleState, removeState, router]);
  const error =
    (roleState && !roleState.ok && roleState.formError) || (removeState && !removeState.ok && removeState.formError);
  return (
    <div className="mt-1 flex flex-wrap items-center gap-2">
      {role !== "CUSTOMER" ? (
        <form action={changeRole}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="role" value={role === "ADMIN" ? "STAFF" : "ADMIN"} />
          <Button
            type="submit"
            variant="ghost"
            disabled={changing}
            aria-label={`Make ${label} ${role === "ADMIN" ? "staff" : "an administrator"}`}
          >
            {role === "ADMIN" ? "Make staff" : "Make administrator"}
          </Button>
        </form>
      ) : null}
      <form action={remove}>
        <input type="hidden" name="userId" value={userId} />
        <Button type="submit" variant="ghost" disabled={removing} aria-label={`Remove ${label}`}>
          Remove
        </Button>
      </form>
      <InlineFormError message={error || null} />
    </div>
  );
}
