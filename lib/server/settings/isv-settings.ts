import "server-only";
import { cache } from "react";
import { db } from "../db";

export type IsvSettingsView = { portalName: string; supportEmail: string | null };

/** The ISV's settings, with defaults until an admin saves them. */
export const getIsvSettings = cache(async (): Promise<IsvSettingsView> => {
  const row = await db.isvSettings.findUnique({ where: { id: 1 } });
  return { portalName: row?.portalName ?? "Onboarding Portal", supportEmail: row?.supportEmail ?? null };
});
