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
      passwordHash: await hashPassword(password),
    },
  });
  return { user, password };
}
