import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";

import { brandCssVariables } from "@/lib/branding/colour";
import { getIsvSettings } from "@/lib/server/settings/isv-settings";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Onboarding Portal", template: "%s · Onboarding Portal" },
  description: "Register your business for US A2P 10DLC messaging and Twilio Trust Hub.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so that Next.js can put this request's CSP nonce (proxy.ts)
  // on its scripts; a page prerendered at build time would carry none and never hydrate.
  await connection();
  // The ISV's brand colour, as the variables the brand-* utilities read (#28 line 5); the portal's
  // own colours when none is set, or when the settings cannot be read.
  const brandColor = await getIsvSettings().then(
    (settings) => settings.brandColor,
    () => null,
  );
  return (
    <html lang="en" style={brandCssVariables(brandColor)}>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        {children}
        {/* A large part of a page that React streams in place (hydrate-on-first-touch.tsx's forms)
            arrives in a hidden block that a script moves into place; without JavaScript it is
            shown where it arrived, at the end of the page, rather than not at all. */}
        <noscript>
          <style>{"div[hidden][id^='S:']{display:block}"}</style>
        </noscript>
      </body>
    </html>
  );
}
