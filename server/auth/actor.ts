import { db } from "../db";
import type { Role, TokenScope } from "../generated/prisma/client";
import { hashToken, TOKEN_PREFIX } from "./token-secret";

/** Who is making a request: a signed-in user, by session cookie or personal access token. */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  via: "session" | "token";
  tokenId?: string;
  /** A token's scope; a session may do everything its user may. */
  scope?: TokenScope;
  /** When a token stops working, if it expires. */
  expiresAt?: Date;
}

export function bearerToken(header: string | null | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

export async function actorFromToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, role: true, disabledAt: true } } },
  });
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || row.user.disabledAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { userId: row.user.id, email: row.user.email, role: row.user.role, via: "token", tokenId: row.id, scope: row.scope, expiresAt: row.expiresAt ?? undefined };
}

export async function actorFromUserId(userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, disabledAt: true } });
  return user && !user.disabledAt ? { userId: user.id, email: user.email, role: user.role, via: "session" } : null;
}
