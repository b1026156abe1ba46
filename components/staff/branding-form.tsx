"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { updateBrandingAction } from "@/lib/server/actions/branding-actions";

/** The ISV's brand colour (checked for contrast) and logo; posts before the page hydrates. */
export function BrandingForm({
  brandColor,
  logoUrl,
  hasOwnLogo,
}: {
  brandColor: string;
  logoUrl: string;
  hasOwnLogo: boolean;
}) {
  const [state, save, saving] = useActionState(updateBrandingAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const logoError = errors.logo?.[0];
  return (
    <form action={save} className="space-y-5">
      {state?.ok ? <Alert tone="success">Branding saved: every page and email uses it now.</Alert> : null}
      {state && !state.ok && state.formError && !Object.keys(errors).length ? (
        <Alert tone="error">{state.formError}</Alert>
      ) : null}
      <TextField
        label="Brand colour"
        name="brandColor"
        autoComplete="off"
        placeholder="#2447c4"
        defaultValue={state?.values?.brandColor ?? brandColor}
        hint="As #rrggbb. Buttons show white text on it and links use it, so it must be dark enough to read (contrast 4.5:1). Empty: the portal's own blue."
        error={errors.brandColor?.[0]}
      />
      <div>
        <p className="text-sm font-medium text-slate-800">Current logo</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- the ISV's logo, served by the portal */}
        <img src={logoUrl} alt="Current logo" height={32} className="mt-1 h-8 w-auto max-w-40" />
      </div>
      <div>
        <label htmlFor="logo-file" className="block text-sm font-medium text-slate-800">
          New logo
        </label>
        <input
          id="logo-file"
          name="logo"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          aria-invalid={logoError ? true : undefined}
          aria-describedby={logoError ? "logo-file-error" : "logo-file-hint"}
          className="mt-1 block w-full text-sm"
        />
        <p id="logo-file-hint" className="mt-1 text-sm text-slate-600">
          PNG, JPEG or WebP, at most 256 kB; shown 32 pixels high in the header and in emails.
        </p>
        {logoError ? (
          <p id="logo-file-error" role="alert" className="mt-1 text-sm text-red-700">
            {logoError}
          </p>
        ) : null}
      </div>
      {hasOwnLogo ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="removeLogo" /> Remove the logo (use the portal&apos;s own)
        </label>
      ) : null}
      <Button type="submit" disabled={saving}>
        {saving ? "Saving…" : "Save branding"}
      </Button>
    </form>
  );
}
