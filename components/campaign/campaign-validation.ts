import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";

import { campaignSchema } from "@/lib/campaign/schema";

/** The campaign form's resolver: the shared campaign schema. Loaded on demand, never with the page. */
export function campaignResolver<Values extends FieldValues>(): Resolver<Values> {
  return zodResolver(campaignSchema as never) as unknown as Resolver<Values>;
}
