import type { TPatchUserRequest, TUser } from "@/lib/schemas/users";
import type { Actor } from "../auth/actor";
import { endAllSessions } from "../auth/user-sessions";
import { db } from "../db";
import { AppError, notFound } from "../http/errors";
import { assertAdmin } from "../permissions/users";
import { recordAudit } from "./audit";

// Serialises role changes, so that two admins demoting each other cannot leave none.
const ROLE_LOCK = 7_301_002;
const USER_FIELDS = { id: true, email: true, name: true, role: true, createdAt: true } as const;

type Row = { id: string; email: string; name: string | null; role: TUser["role"]; createdAt: Date };
const toApiUser = (u: Row): TUser => ({ id: u.id, email: u.email, name: u.name, role: u.role, createdAt: u.createdAt.toISOString() });

/** Every user of the instance, oldest first (administrators only). */
export async function listUsers(actor: Actor): Promise<TUser[]> {
  assertAdmin(actor, "list users");
  const rows = await db.user.findMany({ select: USER_FIELDS, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toApiUser);
}

/** Promotes or demotes a user (administrators only); the last administrator stays one. */
export async function setUserRole(opts: { actor: Actor; userId: string; patch: TPatchUserRequest }): Promise<TUser> {
  const { actor, userId, patch } = opts;
  assertAdmin(actor, "change roles");
  const result = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROLE_LOCK})`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
    if (!user) throw notFound("User");
    if (user.role === patch.role) return { user: toApiUser(user), demoted: false };
    if (user.role === "admin" && (await tx.user.count({ where: { role: "admin" } })) <= 1) {
      throw new AppError("CONFLICT", "This is the last administrator: promote someone else first.");
    }
    const updated = await tx.user.update({ where: { id: userId }, data: { role: patch.role }, select: USER_FIELDS });
    const details = { userId, email: user.email, from: user.role, to: patch.role };
    // In the trail of the one who changed it and of the one it happened to.
    for (const ownerId of new Set([actor.userId, userId])) {
      await recordAudit({ ownerId, actorId: actor.userId, actor: actor.email, action: "user.role_change", details }, tx);
    }
    return { user: toApiUser(updated), demoted: user.role === "admin" };
  });
  // A demoted administrator signs in again: no browser keeps admin power it had open.
  if (result.demoted) await endAllSessions(userId);
  return result.user;
}
