import { db } from "../db";
import type { Task } from "../generated/prisma/client";
import { notFound } from "../http/errors";

/** Named check: a task is visible only to its owner. Anything else looks like a missing task. */
export async function canViewTask(userId: string, taskId: string): Promise<boolean> {
  const task = await db.task.findFirst({ where: { id: taskId, ownerId: userId }, select: { id: true } });
  return task !== null;
}

export async function findTaskForUser(userId: string, taskId: string): Promise<Task> {
  const task = await db.task.findFirst({ where: { id: taskId, ownerId: userId } });
  if (!task) throw notFound("Task");
  return task;
}

export async function assertCanViewTask(userId: string, taskId: string): Promise<void> {
  if (!(await canViewTask(userId, taskId))) throw notFound("Task");
}
