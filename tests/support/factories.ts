import type { UserRole } from "@prisma/client";

import { hashPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db";

let counter = 0;
const unique = () => `${Date.now().toString(36)}-${(counter++).toString(36)}`;

export async function makeOrganization(name = `Org ${unique()}`) {
  const organization = await db.organization.create({ data: { name } });
  const application = await db.onboardingApplication.create({ data: { organizationId: organization.id, draft: {} } });
  return { organization, application };
}

export async function makeUser(options: {
  role: UserRole;
  organizationId?: string;
  password?: string;
  email?: string;
}) {
  const password = options.password ?? "correct-horse-battery";
  const user = await db.user.create({
    data: {
      email: options.email ?? `user-${unique()}@example.test`,
      role: options.role,
      organizationId: options.organizationId ?? null,
      passwordHash: await hashOnce(password),
    },
  });
  return { user, password };
}

// A password's hash is slow by design: each test password is hashed once per file, its (salted)
// hash shared by the users made with it.
const hashes = new Map<string, Promise<string>>();
function hashOnce(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}
