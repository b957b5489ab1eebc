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

class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
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
  logger: {
    error(error: Error) {
      if (error instanceof CredentialsSignin) return;
      logger.error("auth error", { error });
    },
  },
  providers: githubOAuthConfigured()
    ? [credentials, GitHub({ clientId: env().AUTH_GITHUB_ID, clientSecret: env().AUTH_GITHUB_SECRET })]
    : [credentials],
  callbacks: {
    async signIn({ user, account }) {
      // OAuth sign-up follows the same policy as POST /api/users.
      if (account?.provider === "credentials" || env().ALLOW_SIGNUP) return true;
      const existing = user.email ? await db.user.findUnique({ where: { email: user.email }, select: { id: true } }) : null;
      return Boolean(existing) || (await db.user.count()) === 0;
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async createUser({ user }) {
      // An OAuth sign-up: the very first account of the instance becomes admin.
      if (user.id && (await db.user.count()) === 1) {
        await db.user.update({ where: { id: user.id }, data: { role: "admin" } });
      }
    },
  },
}));
