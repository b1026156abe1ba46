import "server-only";

import { createPrismaClient, type PrismaClient } from "./prisma-client";

// One client per process: Next.js dev reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  return (globalForPrisma.prisma ??= createPrismaClient(process.env.DATABASE_URL));
}

/**
 * The Prisma client, opened on first use rather than at import: `next build` imports route modules
 * without a database, and the environment is validated at start-up, not at build time.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = client();
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});
