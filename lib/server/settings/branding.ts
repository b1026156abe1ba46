import "server-only";

import { brandColourProblem } from "@/lib/branding/colour";
import { logoProblem, logoType } from "@/lib/branding/logo";

import { audit } from "../audit/audit";
import { db } from "../db";

export type BrandingChange = { brandColor: string | null; logo?: Uint8Array; removeLogo?: boolean };
export type BrandingResult = { ok: true } | { ok: false; field: "brandColor" | "logo"; message: string };

/** Saves the brand colour and logo an administrator chose, each checked first (contrast, image type). */
export async function saveBranding(change: BrandingChange, adminUserId: string): Promise<BrandingResult> {
  const colour = change.brandColor?.trim().toLowerCase() || null;
  const colourProblem = colour ? brandColourProblem(colour) : null;
  if (colourProblem) return { ok: false, field: "brandColor", message: colourProblem };
  const logoProblemFound = change.logo ? logoProblem(change.logo) : null;
  if (logoProblemFound) return { ok: false, field: "logo", message: logoProblemFound };
  const logo = change.logo
    ? { logoData: Buffer.from(change.logo), logoType: logoType(change.logo), logoUpdatedAt: new Date() }
    : change.removeLogo
      ? { logoData: null, logoType: null, logoUpdatedAt: null }
      : {};
  await db.isvSettings.upsert({
    where: { id: 1 },
    create: { id: 1, brandColor: colour, ...logo },
    update: { brandColor: colour, ...logo },
  });
  await audit(db, {
    actorUserId: adminUserId,
    action: "settings.branding_updated",
    targetType: "IsvSettings",
    targetId: "1",
    metadata: { brandColor: colour, logo: change.logo ? "replaced" : change.removeLogo ? "removed" : "kept" },
  });
  return { ok: true };
}

export async function brandLogo(): Promise<{ data: Uint8Array; type: string } | null> {
  const row = await db.isvSettings.findUnique({ where: { id: 1 }, select: { logoData: true, logoType: true } });
  return row?.logoData && row.logoType ? { data: row.logoData, type: row.logoType } : null;
}
