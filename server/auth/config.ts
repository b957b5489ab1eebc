import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { ZSignInForm } from "@/lib/schemas/users";
import { db } from "../db";
import { authSecret, env, githubOAuthConfigured } from "../env";
import { AppError } from "../http/errors";
import { logger } from "../logger";
import { verifyCredentials } from "../services/users";
import { clientIp } from "./client-ip";
import { setupTokenRequired } from "./setup-token";
import { endSession, isSessionActive, startSession } from "./user-sessions";

/** Auth.js errors caused by what a client sent, not by the server. */
const CLIENT_ERRORS = new Set(["UnknownAction", "MissingCSRF", "InvalidProvider", "InvalidCheck", "InvalidCallbackUrl"]);

// Also a body that is not JSON, and sign-in with a provider that is not configured (Auth.js
// throws a plain Error for that one, recognisable only by its message).
function isClientError(error: Error): boolean {
  if (CLIENT_ERRORS.has((error as { type?: string }).type ?? "")) return true;
  return error instanceof SyntaxError || /^Provider with id ".*" not found/.test(error.message);
}

class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

class DisabledSignIn extends CredentialsSignin {
  code = "disabled";
}

const credentials = Credentials({
  credentials: { email: { type: "email" }, password: { type: "password" } },
  async authorize(raw, request) {
    const parsed = ZSignInForm.safeParse(raw);
    if (!parsed.success) return null;
    try {
      return await verifyCredentials({ ...parsed.data, ip: clientIp(request.headers) });
    } catch (error) {
      if (AppError.is(error) && error.code === "RATE_LIMITED") throw new RateLimitedSignIn();
      if (AppError.is(error) && error.code === "FORBIDDEN") throw new DisabledSignIn();
      if (AppError.is(error) && error.code === "UNAUTHENTICATED") return null;
      throw error;
    }
  },
});

// Lazy: the configuration reads the environment per request, not when `next build` imports it.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  // Credentials sign-in requires JWT sessions; the adapter still stores OAuth users/accounts.
  session: { strategy: "jwt" },
  adapter: PrismaAdapter(db),
  pages: { signIn: "/login", error: "/login" },
  // A wrong password is not a server error: keep it out of the error log (the audit log has it).
  // Nor are malformed requests (unknown action or provider, missing CSRF token): a warning.
  logger: {
    error(error: Error) {
      if (error instanceof CredentialsSignin) return;
      if (isClientError(error)) logger.warn("auth request refused", { name: error.name, message: error.message });
      else logger.error("auth error", { error });
    },
  },
  providers: githubOAuthConfigured()
    ? [credentials, GitHub({ clientId: env().AUTH_GITHUB_ID, clientSecret: env().AUTH_GITHUB_SECRET })]
    : [credentials],
  callbacks: {
    async signIn({ user, account }) {
      // OAuth sign-up follows the same policy as POST /api/users, except that the first account
      // of a server that needs a setup token is made by sign-up with that token.
      if (account?.provider === "credentials") return true;
      const existing = user.email ? await db.user.findUnique({ where: { email: user.email }, select: { disabledAt: true } }) : null;
      if (existing) return existing.disabledAt === null;
      if ((await db.user.count()) === 0) return !setupTokenRequired();
      return env().ALLOW_SIGNUP;
    },
    // Each sign-in is a row (see user-sessions.ts): a cookie whose row was deleted by sign-out,
    // "sign out everywhere" or a demotion is refused here, so auth() answers null for it.
    async jwt({ token, user }) {
      if (user?.id) return { ...token, sub: user.id, sid: await startSession(user.id) };
      return (await isSessionActive(token.sid, token.sub)) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signOut(message) {
      if ("token" in message) await endSession(message.token?.sid);
    },
    async createUser({ user }) {
      // An OAuth sign-up: the very first account of the instance becomes admin.
      if (user.id && (await db.user.count()) === 1) {
        await db.user.update({ where: { id: user.id }, data: { role: "admin" } });
      }
    },
  },
}));
