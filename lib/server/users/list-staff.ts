import "server-only";

import { db } from "../db";

export async function listStaff() {
  return db.user.findMany({
    where: { role: { in: ["ADMIN", "STAFF"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, role: true, lastSignInAt: true },
  });
}
