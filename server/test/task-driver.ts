import { expect } from "vitest";
import type { TApprovalDecision } from "@/lib/schemas/approvals";
import { db } from "../db";
import { eventLog } from "../events/event-log";
import type { Approval, TaskStatus } from "../generated/prisma/client";
import { decideApprovalAsUser } from "../services/approvals";
import { createTask } from "../services/tasks";
import { type RunnerFixture, waitFor } from "./runner-fixture";

// Drives tasks through the services, as the API would, and checks what they leave behind.

export async function newTask(fx: RunnerFixture, prompt: string, opts: { attempts?: number; environmentId?: string } = {}): Promise<string> {
  const environmentId = opts.environmentId ?? fx.environmentId;
  return (await createTask(fx.actor, { environmentId, prompt, attempts: opts.attempts ?? 1 })).id;
}

export async function taskStatus(taskId: string): Promise<TaskStatus> {
  return (await db.task.findUniqueOrThrow({ where: { id: taskId } })).status;
}

export function untilStatus(taskId: string, wanted: TaskStatus[], timeoutMs?: number): Promise<TaskStatus> {
  return waitFor(
    `task ${taskId} to be ${wanted.join("/")}`,
    async () => {
      const status = await taskStatus(taskId);
      return wanted.includes(status) ? status : undefined;
    },
    timeoutMs,
  );
}

/** Waits until the task has at least `count` pending approvals; returns them. */
export function pendingApprovals(taskId: string, count = 1): Promise<Approval[]> {
  return waitFor(`${count} pending approval(s) of ${taskId}`, async () => {
    const rows = await db.approval.findMany({ where: { taskId, status: "pending" }, orderBy: { createdAt: "asc" } });
    return rows.length >= count ? rows : undefined;
  });
}

/** Answers every approval the task raises (as its owner) until the task is in one of `until`. */
export function drive(
  fx: RunnerFixture,
  taskId: string,
  decide: TApprovalDecision | ((approval: Approval) => TApprovalDecision) = "accept",
  until: TaskStatus[] = ["ready", "error"],
): Promise<TaskStatus> {
  return waitFor(`task ${taskId} to reach ${until.join("/")}`, async () => {
    for (const a of await db.approval.findMany({ where: { taskId, status: "pending" } })) {
      await decideApprovalAsUser(fx.actor, a.id, typeof decide === "function" ? decide(a) : decide).catch(() => undefined);
    }
    const status = await taskStatus(taskId);
    return until.includes(status) ? status : undefined;
  });
}

/** The task's stored events of one type, in seq order (everything appended so far written). */
export async function eventsOf(taskId: string, type: string) {
  await eventLog.flush();
  return db.taskEvent.findMany({ where: { taskId, type }, orderBy: { seq: "asc" } });
}

/** The task's stored events are exactly seq 1..N, and N is the task's lastSeq. */
export async function expectGaplessLog(taskId: string): Promise<void> {
  await eventLog.flush();
  const seqs = (await db.taskEvent.findMany({ where: { taskId }, select: { seq: true }, orderBy: { seq: "asc" } })).map((e) => e.seq);
  expect(seqs.length).toBeGreaterThan(0);
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  expect((await db.task.findUniqueOrThrow({ where: { id: taskId } })).lastSeq).toBe(seqs.length);
}
