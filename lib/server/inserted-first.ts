import "server-only";

/**
 * A claim by insertion: true when this insert made the row, false when another writer's row with
 * the same unique key was there first (Prisma's P2002). The row's unique key is what holds a
 * "once" across instances; any other error is thrown.
 */
export function insertedFirst(insert: Promise<unknown>): Promise<boolean> {
  return insert.then(
    () => true,
    (error: unknown) => {
      if ((error as { code?: string }).code === "P2002") return false;
      throw error;
    },
  );
}
