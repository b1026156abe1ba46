import Link from "next/link";

import { signOutAction, signOutEverywhereAction } from "@/lib/server/actions/auth-actions";
import type { CurrentUser } from "@/lib/server/auth/guards";
import { isAdmin, isStaff } from "@/lib/server/auth/policy";

import { NavLink } from "./nav-link";

function navFor(user: CurrentUser): { href: string; label: string }[] {
  if (!isStaff(user))
    return [
      { href: "/home", label: "Home" },
      { href: "/toll-free", label: "Toll-free" },
    ];
  const links = [
    { href: "/staff", label: "Customers" },
    { href: "/staff/reviews", label: "Reviews" },
    { href: "/staff/imports", label: "Import" },
  ];
  if (isAdmin(user))
    links.push(
      { href: "/staff/team", label: "Team" },
      { href: "/staff/adoption", label: "At Twilio" },
      { href: "/staff/api-keys", label: "API keys" },
      { href: "/staff/webhooks", label: "Webhooks" },
      { href: "/staff/emails", label: "Emails" },
      { href: "/staff/settings", label: "Settings" },
    );
  return links;
}

export function SiteHeader({ user, portalName, logoUrl }: { user: CurrentUser; portalName: string; logoUrl: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
          {/* eslint-disable-next-line @next/next/no-img-element -- the ISV's logo, served by the portal, needs no optimisation */}
          <img src={logoUrl} alt="" height={28} className="h-7 w-auto max-w-40" />
          <span>{portalName}</span>
        </Link>
        <nav aria-label="Main" className="flex flex-1 items-center gap-1">
          {navFor(user).map((link) => (
            <NavLink key={link.href} href={link.href}>
              {link.label}
            </NavLink>
          ))}
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <span className="hidden text-slate-600 sm:inline" data-testid="signed-in-as">
            {user.email}
            <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{roleLabel(user)}</span>
          </span>
          <form action={signOutAction}>
            <button
              type="submit"
              className="rounded-md px-3 py-1.5 font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Sign out
            </button>
          </form>
          <form action={signOutEverywhereAction}>
            <button
              type="submit"
              className="rounded-md px-2 py-1.5 text-xs text-slate-600 underline hover:text-slate-900"
            >
              Sign out everywhere
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}

function roleLabel(user: CurrentUser): string {
  if (user.role === "ADMIN") return "Admin";
  if (user.role === "STAFF") return "Staff";
  return "Customer";
}
