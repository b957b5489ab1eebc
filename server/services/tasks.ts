import type { TCreateTaskRequest, TListTasksQuery, TTaskDetail, TTaskSummary } from "@/lib/schemas/tasks";
import type { TaskEventMessage } from "@/lib/realtime/events";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { assertValidBranchName, branchExists, isGitUrl } from "../git/repo";
import { isRemoteRepo } from "../git/remote-url";
import { AppError } from "../http/errors";
import { hitRateLimit } from "../http/rate-limit";
import { findEnvironment } from "../permissions/environments";
import { findTaskForUser } from "../permissions/tasks";
import { supervisor } from "../runner/supervisor";
import { removeWorkspace } from "../runner/workspaces";
import { toApiApproval } from "./approval-mapper";
import { recordAudit } from "./audit";
import { decodeCursor, encodeCursor } from "./task-cursor";
import { SUMMARY_INCLUDE, titleFromPrompt, toTaskDetail, toTaskSummary } from "./task-mapper";

export async function createTask(actor: Actor, input: TCreateTaskRequest): Promise<TTaskDetail> {
  await hitRateLimit(`tasks:${actor.userId}`, env().RATE_LIMIT_TASKS);
  // Environments are shared: any signed-in user may start a task on any of them.
  const environment = await findEnvironment(input.environmentId);
  const branch = input.branch ?? environment.defaultBranch;
  await assertValidBranchName(branch);
  if (!isGitUrl(environment.repo) && !(await branchExists(environment.repo, branch))) {
    throw new AppError("VALIDATION_FAILED", `Branch "${branch}" does not exist in ${environment.repo}.`, [
      { path: ["branch"], message: "no such branch" },
    ]);
  }
  const attempts = input.attempts ?? 1;
  const task = await db.$transaction(async (tx) => {
    const created = await tx.task.create({
      data: {
        ownerId: actor.userId,
        environmentId: environment.id,
        title: titleFromPrompt(input.prompt),
        prompt: input.prompt,
        branch,
        mode: input.mode ?? "code",
        attemptsTotal: attempts,
        queuedAt: new Date(),
        attempts: { create: Array.from({ length: attempts }, (_, index) => ({ index })) },
      },
    });
    await recordAudit({ actorId: actor.userId, actor: actor.email, action: "task.create", taskId: created.id, details: { attempts, branch } }, tx);
    return created;
  });
  supervisor().enqueue(task.id, task.ownerId);
  return getTask(actor, task.id);
}

export async function getTask(actor: Actor, taskId: string): Promise<TTaskDetail> {
  await findTaskForUser(actor.userId, taskId);
  const task = await db.task.findUniqueOrThrow({
    where: { id: taskId },
    include: {
      ...SUMMARY_INCLUDE,
      environment: { select: { label: true, repo: true, forgeKind: true } },
      attempts: { orderBy: { index: "asc" } },
      turns: { orderBy: { startedAt: "asc" }, include: { attempt: { select: { index: true } } } },
    },
  });
  const pending = await db.approval.findMany({ where: { taskId, status: "pending" }, orderBy: { createdAt: "asc" } });
  const delivery = isRemoteRepo(task.environment.repo) && task.environment.forgeKind ? "pullRequest" : "apply";
  return toTaskDetail(task, pending.map((row) => toApiApproval(row)), delivery);
}

export async function listTasks(actor: Actor, query: TListTasksQuery): Promise<{ items: TTaskSummary[]; nextCursor: string | null }> {
  const where: Prisma.TaskWhereInput = {
    ownerId: actor.userId,
    archived: query.archived ?? false,
    ...(query.status ? { status: query.status } : {}),
    ...(query.environmentId ? { environmentId: query.environmentId } : {}),
    ...(query.q
      ? { OR: [{ title: { contains: query.q, mode: "insensitive" } }, { prompt: { contains: query.q, mode: "insensitive" } }] }
      : {}),
  };
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    where.AND = [{ OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] }];
  }
  const rows = await db.task.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: SUMMARY_INCLUDE,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toTaskSummary), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

export async function getEvents(
  actor: Actor,
  taskId: string,
  opts: { after: number; limit: number },
): Promise<{ items: TaskEventMessage[]; lastSeq: number }> {
  const task = await findTaskForUser(actor.userId, taskId);
  const rows = await db.taskEvent.findMany({
    where: { taskId, seq: { gt: opts.after } },
    orderBy: { seq: "asc" },
    take: opts.limit,
  });
  const items = rows.map((r) => ({ taskId, seq: r.seq, attempt: r.attempt, type: r.type, data: r.data, at: r.at.toISOString() }));
  return { items, lastSeq: task.lastSeq };
}

/**
 * Archiving frees the disk: the task's process stops and its attempt workspaces are removed
 * (each diff stays stored; a follow-up after unarchiving rebuilds the workspace from it).
 */
async function archiveTask(taskId: string): Promise<void> {
  const active = await db.attempt.count({ where: { taskId, status: { in: ["queued", "running"] } } });
  if (active > 0) throw new AppError("CONFLICT", "This task is still running; stop it before archiving it.");
  await supervisor().release(taskId);
  const attempts = await db.attempt.findMany({ where: { taskId }, select: { worktreePath: true } });
  await Promise.all(attempts.map((a) => (a.worktreePath ? removeWorkspace(a.worktreePath) : undefined)));
}

export async function updateTask(actor: Actor, taskId: string, patch: { archived?: boolean; title?: string }): Promise<TTaskSummary> {
  const current = await findTaskForUser(actor.userId, taskId);
  if (patch.archived && !current.archived) await archiveTask(taskId);
  const task = await db.task.update({
    where: { id: taskId },
    data: patch,
    include: SUMMARY_INCLUDE,
  });
  if (patch.archived !== undefined) {
    await recordAudit({ actorId: actor.userId, actor: actor.email, action: "task.archive", taskId, details: { archived: patch.archived } });
  }
  return toTaskSummary(task);
}

/** A follow-up turn, or the text added to the turn that is running (steered). */
export async function sendMessage(actor: Actor, taskId: string, input: { text: string; attempt?: number }): Promise<{ steered: boolean }> {
  await findTaskForUser(actor.userId, taskId);
  return supervisor().sendMessage({ taskId, text: input.text, attempt: input.attempt });
}

export async function interruptTask(actor: Actor, taskId: string): Promise<void> {
  await findTaskForUser(actor.userId, taskId);
  await supervisor().interrupt(taskId);
  await recordAudit({ actorId: actor.userId, actor: actor.email, action: "task.interrupt", taskId });
}
