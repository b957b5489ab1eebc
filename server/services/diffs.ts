import { splitDiff } from "@/lib/diff/parse";
import type { TDiffFile } from "@/lib/schemas/tasks";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { notFound } from "../http/errors";
import { findTaskForUser } from "../permissions/tasks";

export interface AttemptDiff {
  text: string;
  json(): { files: TDiffFile[] };
}

/** The stored cumulative diff of one attempt (recomputed by the runner after each turn). */
export async function getDiff(actor: Actor, taskId: string, attempt: number): Promise<AttemptDiff> {
  await findTaskForUser(actor.userId, taskId);
  const row = await db.attempt.findUnique({ where: { taskId_index: { taskId, index: attempt } }, select: { diff: true } });
  if (!row) throw notFound("Attempt");
  const text = row.diff ?? "";
  return { text, json: () => ({ files: splitDiff(text) }) };
}
