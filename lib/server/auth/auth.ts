import "server-only";

import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";

import { describeErrorForLog, redactText } from "@/lib/logging/redact";

import { audit } from "../audit/audit";
import { db } from "../db";
import { env } from "../env";
import { sessionCookiesSecure } from "../env-schema";
import { clientIp } from "./client-ip";
import { checkCredentials } from "./credentials";
import { describeRetryAfter } from "./rate-limit";
import { endSession, startSession } from "./user-sessions";

export class InvalidCredentialsError extends CredentialsSignin {
  code = "invalid_credentials";
}

export class RateLimitedError extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super("rate limited");
  }

  /** Our own words: Auth.js appends its documentation link to `message`, which no user should see. */
  get userMessage(): string {
    return `Too many failed sign-in attempts. Try again in ${describeRetryAfter(this.retryAfterSeconds)}.`;
  }
}

/** Too many password checks at once on this instance (password-slots.ts): nothing was checked. */
export class SignInBusyError extends CredentialsSignin {
  code = "busy";
  readonly userMessage = "Many people are signing in right now. Please try again in a few seconds.";
}

const credentialsInput = z.object({ email: z.string().max(320), password: z.string().max(1024) });

function authConfig(): NextAuthConfig {
  const settings = env();
  return {
    secret: settings.AUTH_SECRET,
    trustHost: true,
    // Credentials sign-in requires JWT sessions; the guards still load the user from the
    // database on every request, so a removed user or a changed password ends the session.
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    // HTTP-only always; Secure whenever the portal is served over https (required in production).
    useSecureCookies: sessionCookiesSecure(settings.APP_URL),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    logger: {
      // A wrong password is an everyday event, not a server error: keep it out of the error log.
      error(error) {
        const type = (error as { type?: string }).type;
        if (error instanceof CredentialsSignin || type === "CredentialsSignin") return;
        // Anyone can ask for /api/auth/<anything>: one short line, no stack (stacks are costly to
        // print, in development above all, and the caller chooses how many, #26 line 3).
        if (type === "UnknownAction") {
          console.warn(`[auth] unknown action: ${redactText(error.message.slice(0, 200))}`);
          return;
        }
        console.error("[auth]", describeErrorForLog(error));
      },
    },
    providers: [
      Credentials({
        credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, request) {
          const parsed = credentialsInput.safeParse(raw);
          if (!parsed.success) throw new InvalidCredentialsError();
          const ip = clientIp(request.headers);
          const result = await checkCredentials(
            db,
            { ...parsed.data, ip },
            {
              maxPerAccount: settings.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
              maxPerIp: settings.SIGN_IN_MAX_FAILURES_PER_IP,
              maxPerAccountAllAddresses: settings.SIGN_IN_MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES,
              windowMinutes: settings.SIGN_IN_WINDOW_MINUTES,
            },
          );
          if (!result.ok) {
            if (result.reason === "rate_limited") throw new RateLimitedError(result.retryAfterSeconds);
            if (result.reason === "busy") throw new SignInBusyError();
            throw new InvalidCredentialsError();
          }
          await audit(db, {
            actorUserId: result.user.id,
            action: "auth.sign_in",
            targetType: "User",
            targetId: result.user.id,
            organizationId: result.user.organizationId,
          });
          return {
            id: result.user.id,
            email: result.user.email,
            name: result.user.name,
            role: result.user.role,
            sessionVersion: result.user.sessionVersion,
          };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = user.role;
          token.sessionVersion = user.sessionVersion;
          // The server-side session this cookie stands for (user-sessions.ts).
          if (user.id) token.sessionId = await startSession(user.id);
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.user.role = token.role;
        session.user.sessionVersion = token.sessionVersion;
        session.sessionId = token.sessionId;
        return session;
      },
    },
    events: {
      // Signing out (the portal's button or Auth.js's own sign-out route) ends the session here too:
      // a copy of the cookie no longer works.
      async signOut(message) {
        const sessionId = "token" in message ? message.token?.sessionId : undefined;
        if (sessionId) await endSession(sessionId);
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
