import type { TaskEventMessage } from "@/lib/realtime/events";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { logger } from "../logger";
import { bus } from "./bus";

export interface NewEvent {
  attempt: number | null;
  type: string;
  data: Prisma.InputJsonValue;
}

const FLUSH_MS = 15;
const MAX_BATCH = 1000;

/**
 * The durable, gapless event log of tasks. Seqs are assigned in memory (one writer process),
 * published at once, and written in batches with the task's lastSeq in one transaction.
 * Events not yet written are kept in `pending` so a subscriber replaying the log sees them.
 */
export class EventLog {
  private readonly nextSeq = new Map<string, number>();
  private readonly opening = new Map<string, Promise<void>>();
  private pending: TaskEventMessage[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  /** Loads a task's last seq; must run before the first append of a task in this process. */
  open(taskId: string): Promise<void> {
    if (this.nextSeq.has(taskId)) return Promise.resolve();
    let opening = this.opening.get(taskId);
    if (!opening) {
      opening = db.task
        .findUniqueOrThrow({ where: { id: taskId }, select: { lastSeq: true } })
        .then((task) => void this.nextSeq.set(taskId, task.lastSeq + 1))
        .finally(() => this.opening.delete(taskId));
      this.opening.set(taskId, opening);
    }
    return opening;
  }

  isOpen(taskId: string): boolean {
    return this.nextSeq.has(taskId);
  }

  append(taskId: string, event: NewEvent): TaskEventMessage {
    const seq = this.nextSeq.get(taskId);
    if (seq === undefined) throw new Error(`EventLog.open(${taskId}) was not called`);
    this.nextSeq.set(taskId, seq + 1);
    const message: TaskEventMessage = { taskId, seq, ...event, at: new Date().toISOString() };
    this.pending.push(message);
    this.schedule();
    bus.emit("task:event", message);
    return message;
  }

  /** Events of a task with seq > afterSeq that are published but not yet written. */
  unwritten(taskId: string, afterSeq: number): TaskEventMessage[] {
    return this.pending.filter((e) => e.taskId === taskId && e.seq > afterSeq);
  }

  /** Writes everything appended so far. */
  async flush(): Promise<void> {
    while (this.flushing || this.pending.length > 0) {
      await (this.flushing ??= this.writeBatch().finally(() => (this.flushing = undefined)));
    }
  }

  private schedule(): void {
    if (this.timer || this.flushing) return;
    const delay = this.pending.length >= MAX_BATCH ? 0 : FLUSH_MS;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flushing ??= this.writeBatch().finally(() => {
        this.flushing = undefined;
        if (this.pending.length > 0) this.schedule();
      });
    }, delay);
  }

  private async writeBatch(): Promise<void> {
    const batch = this.pending.slice(0, MAX_BATCH);
    if (batch.length === 0) return;
    const lastSeq = new Map<string, number>();
    for (const e of batch) lastSeq.set(e.taskId, e.seq);
    try {
      await db.$transaction([insertEvents(batch), ...[...lastSeq].map(([id, seq]) => db.task.update({ where: { id }, data: { lastSeq: seq } }))]);
      this.pending = this.pending.slice(batch.length);
    } catch (error) {
      logger.error("event log write failed; retrying", { error, events: batch.length });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/**
 * One INSERT of the whole batch, sent as one JSON parameter. `createMany` spent ~0.8 ms of CPU
 * per event (Prisma's query compiler walks every JSON value), which capped a task's stream at a
 * fraction of what codex sends (bench/README.md, figure 1); here PostgreSQL unpacks the batch.
 */
function insertEvents(batch: TaskEventMessage[]) {
  const rows = JSON.stringify(batch.map(({ taskId, seq, attempt, type, data, at }) => ({ taskId, seq, attempt, type, data, at })));
  return db.$executeRaw`
    INSERT INTO "TaskEvent" ("taskId", "seq", "attempt", "type", "data", "at")
    SELECT e."taskId", e."seq", e."attempt", e."type", e."data", e."at"::timestamp(3)
    FROM jsonb_to_recordset(${rows}::jsonb) AS e("taskId" text, "seq" int, "attempt" int, "type" text, "data" jsonb, "at" text)`;
}

const holder = globalThis as unknown as { __codexCloudEventLog?: EventLog };
export const eventLog: EventLog = (holder.__codexCloudEventLog ??= new EventLog());
