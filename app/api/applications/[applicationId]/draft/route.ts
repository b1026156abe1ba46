import { handleDraftSave } from "@/lib/server/applications/draft-save-request";
import { route } from "@/lib/server/http/route";

/** The wizard's autosave: the signed-in customer's own application, never over a newer version. */
export const PUT = route(async (request, { params }: { params: Promise<{ applicationId: string }> }) =>
  handleDraftSave(request, (await params).applicationId),
);
