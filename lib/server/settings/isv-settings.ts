import "server-only";

import { cache } from "react";

import { db } from "../db";
import { env } from "../env";

export type IsvSettingsView = {
  portalName: string;
  supportEmail: string | null;
  customersManageSenders: boolean;
  customersBuyNumbers: boolean;
  /** Brands are registered as Twilio mock brands (the setting, or TWILIO_MOCK_BRANDS). */
  mockBrands: boolean;
  /** TWILIO_MOCK_BRANDS=true: on whatever the setting says. */
  mockBrandsForced: boolean;
  /** The ISV's brand colour (#rrggbb), or null for the portal's own. */
  brandColor: string | null;
  /** Where the logo is served (its version in the address, so a new logo is fetched at once), or the portal's own. */
  logoUrl: string;
  hasOwnLogo: boolean;
};

/** The ISV's settings, with defaults until an admin saves them. */
export const getIsvSettings = cache(async (): Promise<IsvSettingsView> => {
  const row = await db.isvSettings.findUnique({ where: { id: 1 }, omit: { logoData: true } });
  return {
    portalName: row?.portalName ?? "Onboarding Portal",
    supportEmail: row?.supportEmail ?? null,
    customersManageSenders: row?.customersManageSenders ?? false,
    customersBuyNumbers: row?.customersBuyNumbers ?? false,
    mockBrands: env().TWILIO_MOCK_BRANDS || (row?.mockBrands ?? false),
    mockBrandsForced: env().TWILIO_MOCK_BRANDS,
    brandColor: row?.brandColor ?? null,
    logoUrl: row?.logoUpdatedAt ? `/api/branding/logo?v=${row.logoUpdatedAt.getTime()}` : "/logo.svg",
    hasOwnLogo: !!row?.logoUpdatedAt,
  };
});

/** Whether the ISV lets customers add and remove numbers in their own sender pool (Settings). */
export async function customersMayManageSenders(): Promise<boolean> {
  const row = await db.isvSettings.findUnique({ where: { id: 1 }, select: { customersManageSenders: true } });
  return row?.customersManageSenders ?? false;
}

/** Whether the ISV lets customers buy numbers into their own account (Settings). */
export async function customersMayBuyNumbers(): Promise<boolean> {
  const row = await db.isvSettings.findUnique({ where: { id: 1 }, select: { customersBuyNumbers: true } });
  return row?.customersBuyNumbers ?? false;
}

/** Whether brands are registered as Twilio mock brands now (read at each run, so the setting applies at once). */
export async function mockBrandsOn(): Promise<boolean> {
  if (env().TWILIO_MOCK_BRANDS) return true;
  const row = await db.isvSettings.findUnique({ where: { id: 1 }, select: { mockBrands: true } });
  return row?.mockBrands ?? false;
}
