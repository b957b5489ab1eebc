import type { TApiToken, TCreatedToken, TCreateTokenRequest, TTokenScope } from "@/lib/schemas/tokens";
import type { Actor } from "../auth/actor";
import { newTokenSecret } from "../auth/token-secret";
import { db } from "../db";
import { bus } from "../events/bus";
import { env } from "../env";
import { AppError, notFound } from "../http/errors";
import { hitRateLimit } from "../http/rate-limit";
import { recordAudit } from "./audit";
import { verifyCredentials } from "./users";

const tokenFields = { id: true, name: true, prefix: true, scope: true, expiresAt: true, createdAt: true, lastUsedAt: true } as const;

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  scope: TTokenScope;
  expiresAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
};

function toApiToken(row: TokenRow): TApiToken {
  return {
    ...row,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

type NewToken = Pick<TCreateTokenRequest, "name" | "scope" | "expiresInDays">;

export async function createToken(opts: { userId: string; email: string; token: NewToken }): Promise<TCreatedToken> {
  await hitRateLimit(`tokens:${opts.userId}`, env().RATE_LIMIT_TOKENS);
  const { name, scope, expiresInDays } = opts.token;
  const secret = newTokenSecret();
  const expiresAt = expiresInDays === undefined ? null : new Date(Date.now() + expiresInDays * DAY_MS);
  const row = await db.apiToken.create({
    data: { userId: opts.userId, name, scope, expiresAt, tokenHash: secret.tokenHash, prefix: secret.prefix },
    select: tokenFields,
  });
  await recordAudit({
    actorId: opts.userId,
    actor: opts.email,
    action: "token.create",
    details: { tokenId: row.id, name: row.name, scope, expiresAt: row.expiresAt?.toISOString() ?? null },
  });
  return { ...toApiToken(row), token: secret.token };
}

export async function listTokens(actor: Actor): Promise<TApiToken[]> {
  const rows = await db.apiToken.findMany({
    where: { userId: actor.userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: tokenFields,
  });
  return rows.map(toApiToken);
}

export async function revokeToken(actor: Actor, tokenId: string): Promise<void> {
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, userId: actor.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Token");
  bus.emit("token:revoked", tokenId);
  await recordAudit({ actorId: actor.userId, actor: actor.email, action: "token.revoke", details: { tokenId } });
}

/** POST /api/tokens: for the caller when signed in, else after checking email + password. */
export async function createTokenForRequest(opts: {
  actor: Actor | null;
  request: TCreateTokenRequest;
  ip: string;
}): Promise<TCreatedToken> {
  const { actor, request } = opts;
  if (actor) return createToken({ userId: actor.userId, email: actor.email, token: request });
  if (!request.email || !request.password) {
    throw new AppError("UNAUTHENTICATED", "Sign in, send a token, or give email and password.");
  }
  await hitRateLimit(`tokens:ip:${opts.ip}`, env().RATE_LIMIT_TOKENS);
  const user = await verifyCredentials({ email: request.email, password: request.password, ip: opts.ip });
  return createToken({ userId: user.id, email: user.email, token: request });
}
