import { randomBytes } from "node:crypto";
import type { TCreateUserRequest, TCreateUserResponse } from "@/lib/schemas/users";
import { setupTokenMatches, setupTokenRequired } from "../auth/setup-token";
import { burnPasswordCheck, hashPassword, verifyPassword } from "../auth/password";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../http/errors";
import { hitRateLimit } from "../http/rate-limit";
import { recordAudit } from "./audit";

/** An id shaped like Prisma's cuid() for the answer to a sign-up with a taken email. */
const decoyUserId = () => `c${randomBytes(12).toString("hex")}`;

// Serialises sign-ups so that exactly one "first user" becomes admin.
const SIGNUP_LOCK = 7_301_001;

/** Sign-up: open while no user exists (that one becomes admin), then per ALLOW_SIGNUP. */
export async function createUser(input: TCreateUserRequest): Promise<TCreateUserResponse> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SIGNUP_LOCK})`;
    const isFirst = (await tx.user.count()) === 0;
    if (isFirst && setupTokenRequired() && !setupTokenMatches(input.setupToken)) {
      throw new AppError("FORBIDDEN", "The first account needs the setup token printed in the server's log at start.");
    }
    if (!isFirst && !env().ALLOW_SIGNUP) {
      throw new AppError("FORBIDDEN", "Sign-up is closed on this server. Ask an administrator for an account.");
    }
    const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (taken) {
      // Answered like a success, so sign-up cannot tell which emails have accounts; nothing is
      // created and no session starts (sign-in with the taker's password fails). The owner sees it.
      await recordAudit({ ownerId: taken.id, actorId: null, actor: input.email, action: "user.signup_taken" }, tx);
      return { id: decoyUserId(), email: input.email };
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, role: isFirst ? "admin" : "member" },
      select: { id: true, email: true },
    });
    await recordAudit({ actorId: user.id, actor: user.email, action: "user.create", details: { admin: isFirst } }, tx);
    return user;
  });
}

/** True until the first account exists: sign-in pages then create the administrator. */
export async function noAccountYet(): Promise<boolean> {
  return (await db.user.findFirst({ select: { id: true } })) === null;
}

export interface CredentialCheck {
  email: string;
  password: string;
  /** Client address, for rate limiting; "unknown" when it cannot be told. */
  ip: string;
}

/**
 * Checks an email and password, rate-limited per address and per (address, email): an attacker's
 * wrong guesses slow down the attacker's address, never the owner signing in from another one.
 */
export async function verifyCredentials(check: CredentialCheck): Promise<{ id: string; email: string; name: string | null }> {
  await hitRateLimit(`signin:ip-email:${check.ip}:${check.email}`, env().RATE_LIMIT_SIGNIN);
  await hitRateLimit(`signin:ip:${check.ip}`, env().RATE_LIMIT_SIGNIN_IP);
  const user = await db.user.findUnique({ where: { email: check.email } });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, check.password)
    : (await burnPasswordCheck(check.password), false);
  if (!user || !ok) {
    await recordAudit({ actorId: user?.id ?? null, actor: check.email, action: "auth.sign_in_failed", details: { ip: check.ip } });
    throw new AppError("UNAUTHENTICATED", "Wrong email or password.");
  }
  // Only the right password learns that the account is disabled.
  if (user.disabledAt) {
    await recordAudit({ actorId: user.id, actor: user.email, action: "auth.sign_in_disabled", details: { ip: check.ip } });
    throw new AppError("FORBIDDEN", "This account is disabled: ask an administrator to enable it.");
  }
  await recordAudit({ actorId: user.id, actor: user.email, action: "auth.sign_in", details: { ip: check.ip } });
  return { id: user.id, email: user.email, name: user.name };
}
