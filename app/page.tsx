import { redirect } from "next/navigation";

import { getCurrentUser } from "@/lib/server/auth/guards";
import { homePathFor } from "@/lib/server/auth/policy";

export default async function RootPage() {
  const user = await getCurrentUser();
  redirect(user ? homePathFor(user) : "/sign-in");
}
