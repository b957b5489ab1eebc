import type { TPatchUserRequest, TUser } from "@/lib/schemas/users";
import type { Actor } from "../auth/actor";
import { endAllSessions } from "../auth/user-sessions";
import { db } from "../db";
import { bus } from "../events/bus";
import { AppError, notFound } from "../http/errors";
import { assertAdmin } from "../permissions/users";
import { supervisor } from "../runner/supervisor";
import { type AuditEntry, recordAudit } from "./audit";

// Serialises role and access changes, so that two admins demoting each other cannot leave none.
const ROLE_LOCK = 7_301_002;
const USER_FIELDS = { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true } as const;

type Row = { id: string; email: string; name: string | null; role: TUser["role"]; disabledAt: Date | null; createdAt: Date };
const toApiUser = (u: Row): TUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  disabled: u.disabledAt !== null,
  createdAt: u.createdAt.toISOString(),
});

/** Every user of the instance, oldest first (administrators only). */
export async function listUsers(actor: Actor): Promise<TUser[]> {
  assertAdmin(actor, "list users");
  const rows = await db.user.findMany({ select: USER_FIELDS, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toApiUser);
}

/** What a change ends: a demotion the user's sessions; disabling also their tokens, sockets and running tasks. */
type Outcome = { user: TUser; demoted: boolean; disabled: boolean };

function assertAllowed(actor: Actor, user: Row, patch: TPatchUserRequest): void {
  const role = patch.role ?? user.role;
  const disabled = patch.disabled ?? user.disabledAt !== null;
  if (disabled && user.id === actor.userId) throw new AppError("CONFLICT", "You cannot disable your own account.");
  if (disabled && role === "admin") throw new AppError("CONFLICT", "Administrators cannot be disabled: make them a member first.");
}

/**
 * Promotes, demotes, disables or enables a user (administrators only). The last administrator
 * stays one; an administrator is demoted before being disabled, and nobody disables themself.
 */
export async function updateUser(opts: { actor: Actor; userId: string; patch: TPatchUserRequest }): Promise<TUser> {
  const { actor, userId, patch } = opts;
  assertAdmin(actor, "change members");
  const result = await db.$transaction(async (tx): Promise<Outcome> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROLE_LOCK})`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
    if (!user) throw notFound("User");
    assertAllowed(actor, user, patch);
    const roleChanges = patch.role !== undefined && patch.role !== user.role;
    const accessChanges = patch.disabled !== undefined && patch.disabled !== (user.disabledAt !== null);
    if (!roleChanges && !accessChanges) return { user: toApiUser(user), demoted: false, disabled: false };
    if (roleChanges && user.role === "admin" && (await tx.user.count({ where: { role: "admin" } })) <= 1) {
      throw new AppError("CONFLICT", "This is the last administrator: promote someone else first.");
    }
    const data = { role: patch.role, ...(accessChanges ? { disabledAt: patch.disabled ? new Date() : null } : {}) };
    const updated = await tx.user.update({ where: { id: userId }, data, select: USER_FIELDS });
    // In the trail of the one who changed it and of the one it happened to.
    const entries: Pick<AuditEntry, "action" | "details">[] = [];
    if (roleChanges) entries.push({ action: "user.role_change", details: { userId, email: user.email, from: user.role, to: patch.role } });
    if (accessChanges) entries.push({ action: patch.disabled ? "user.disable" : "user.enable", details: { userId, email: user.email } });
    for (const entry of entries) {
      for (const ownerId of new Set([actor.userId, userId])) {
        await recordAudit({ ownerId, actorId: actor.userId, actor: actor.email, ...entry }, tx);
      }
    }
    return { user: toApiUser(updated), demoted: roleChanges && user.role === "admin", disabled: accessChanges && patch.disabled === true };
  });
  // A demoted administrator signs in again: no browser keeps admin power it had open.
  if (result.demoted || result.disabled) await endAllSessions(userId);
  if (result.disabled) await stopEverything(userId);
  return result.user;
}

/** A disabled user's token sockets close and their running tasks stop (every diff stays stored). */
async function stopEverything(userId: string): Promise<void> {
  bus.emit("user:disabled", userId);
  const active = await db.task.findMany({
    where: { ownerId: userId, attempts: { some: { status: { in: ["queued", "running"] } } } },
    select: { id: true },
  });
  await Promise.allSettled(active.map((t) => supervisor().interrupt(t.id)));
}
