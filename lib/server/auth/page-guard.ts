import "server-only";

import { notFound, redirect } from "next/navigation";

import { ForbiddenError, NotFoundError, UnauthenticatedError } from "./errors";

/**
 * For pages and layouts: runs a guard and turns its refusal into navigation. Signed-out visitors
 * go to sign-in; users of the wrong role go back to their own home; others' data is "not found".
 */
export async function guardPage<T>(guard: () => Promise<T>): Promise<T> {
  try {
    return await guard();
  } catch (error) {
    if (error instanceof UnauthenticatedError) redirect("/sign-in");
    if (error instanceof ForbiddenError) redirect("/");
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
