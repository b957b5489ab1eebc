import { rebuildTurns, type TurnView } from "@/lib/threads/rebuild";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { notFound } from "../http/errors";
import { sendMessage } from "./tasks";

async function findThread(actor: Actor, threadId: string) {
  const attempt = await db.attempt.findFirst({ where: { threadId, task: { ownerId: actor.userId } } });
  if (!attempt) throw notFound("Thread");
  return attempt;
}

export async function getThread(
  actor: Actor,
  threadId: string,
): Promise<{ id: string; taskId: string; attempt: number; status: string; turns: TurnView[] }> {
  const attempt = await findThread(actor, threadId);
  const events = await db.taskEvent.findMany({
    where: { taskId: attempt.taskId, attempt: attempt.index },
    orderBy: { seq: "asc" },
    select: { type: true, data: true, at: true },
  });
  const turns = rebuildTurns(events.map((e) => ({ type: e.type, data: e.data, at: e.at.toISOString() })));
  return { id: threadId, taskId: attempt.taskId, attempt: attempt.index, status: attempt.status, turns };
}

export async function startThreadTurn(actor: Actor, threadId: string, text: string): Promise<void> {
  const attempt = await findThread(actor, threadId);
  await sendMessage(actor, attempt.taskId, { text, attempt: attempt.index });
}
