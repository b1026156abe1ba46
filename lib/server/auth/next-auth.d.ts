import type { UserRole } from "@prisma/client";

import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    role?: UserRole;
    sessionVersion?: number;
  }
  interface Session {
    sessionId?: string;
    user: { id: string; email: string; name?: string | null; role?: UserRole; sessionVersion?: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionId?: string;
    role?: UserRole;
    sessionVersion?: number;
  }
}
