import "server-only";
import { cache } from "react";
import { db } from "../db";

export type IsvSettingsView = { portalName: string; supportEmail: string | null; customersManageSenders: boolean };

/** The ISV's settings, with defaults until an admin saves them. */
export const getIsvSettings = cache(async (): Promise<IsvSettingsView> => {
  const row = await db.isvSettings.findUnique({ where: { id: 1 } });
  return {
    portalName: row?.portalName ?? "Onboarding Portal",
    supportEmail: row?.supportEmail ?? null,
    customersManageSenders: row?.customersManageSenders ?? false,
  };
});

/** Whether the ISV lets customers add and remove numbers in their own sender pool (Settings). */
export async function customersMayManageSenders(): Promise<boolean> {
  const row = await db.isvSettings.findUnique({ where: { id: 1 }, select: { customersManageSenders: true } });
  return row?.customersManageSenders ?? false;
}
