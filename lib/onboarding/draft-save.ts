import { z } from "zod";

import { STEPS } from "./schema/application";
import { strictDraftSchema } from "./schema/draft-shape";
import type { DraftSnapshot } from "./views";

const stepIds = STEPS.map((step) => step.id) as [string, ...string[]];

// A draft is a few kilobytes; refuse anything absurd before it reaches the database.
export const MAX_DRAFT_BYTES = 64 * 1024;
// The request around it: a draft at its limit, escaped, with room to spare; past this, 413 unread.
export const MAX_DRAFT_REQUEST_BYTES = 1024 * 1024;

/** One autosave: `PUT /api/applications/{id}/draft` (the application is named by the address). */
export const saveDraftInput = z.object({
  expectedVersion: z.number().int().positive(),
  draft: strictDraftSchema.refine(
    (draft) => JSON.stringify(draft).length <= MAX_DRAFT_BYTES,
    "This draft is too large to save.",
  ),
  currentStep: z.enum(stepIds),
});
export type SaveDraftInput = z.input<typeof saveDraftInput>;

/** Saved (the new version; the draft is the one sent), or the newer version it would have overwritten. */
export type SaveDraftAnswer =
  { snapshot: Pick<DraftSnapshot, "version" | "updatedAt"> } | { conflict: DraftSnapshot; locked: boolean };
