import type { TAuditEntry, TAuditQuery } from "@/lib/schemas/audit";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { assertCanViewTask } from "../permissions/tasks";
import { decodeCursor, encodeCursor } from "./task-cursor";

/** The caller's audit trail (their account and their tasks), newest first. */
export async function listAudit(actor: Actor, query: TAuditQuery): Promise<{ items: TAuditEntry[]; nextCursor: string | null }> {
  if (query.taskId) await assertCanViewTask(actor.userId, query.taskId);
  const where: Prisma.AuditLogWhereInput = { ownerId: actor.userId, ...(query.taskId ? { taskId: query.taskId } : {}) };
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    where.OR = [{ at: { lt: c.createdAt } }, { at: c.createdAt, id: { lt: c.id } }];
  }
  const rows = await db.auditLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action,
      ...(r.taskId ? { taskId: r.taskId } : {}),
      details: r.details,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.at, id: last.id }) : null,
  };
}
