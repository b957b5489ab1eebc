import { splitDiff } from "@/lib/diff/parse";
import { displayCommand } from "@/lib/format/command";
import { db } from "../db";
import { composePullRequest } from "../forges";

type Item = { type?: string; text?: string; command?: string; exitCode?: number | null };

/**
 * The title and body of an attempt's pull request: the task's prompt, the agent's last
 * message, the files its diff changes and the commands it ran with their exit codes (all read
 * from the stored event log).
 */
export async function pullRequestText(opts: { task: { id: string; title: string; prompt: string }; attempt: number; diff: string }) {
  const events = await db.taskEvent.findMany({
    where: { taskId: opts.task.id, attempt: opts.attempt, type: "item/completed" },
    orderBy: { seq: "asc" },
    select: { data: true },
  });
  const items = events.map((e) => ((e.data as { item?: Item } | null)?.item ?? {}) as Item);
  const finalMessage = items.findLast((i) => i.type === "agentMessage" && i.text)?.text;
  const commands = items
    .filter((i) => i.type === "commandExecution" && typeof i.command === "string")
    .map((i) => ({ command: displayCommand(i.command!), exitCode: i.exitCode ?? null }));
  const files = splitDiff(opts.diff);
  return composePullRequest({ title: opts.task.title, prompt: opts.task.prompt, finalMessage, files, commands });
}
