import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";

import { tollfreeSchema } from "@/lib/tollfree/schema";

/** The toll-free form's resolver: the shared schema. Loaded on demand, never with the page. */
export function tollfreeResolver<Values extends FieldValues>(): Resolver<Values> {
  return zodResolver(tollfreeSchema as never) as unknown as Resolver<Values>;
}
