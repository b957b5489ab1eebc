import type { TaskEventMessage } from "@/lib/realtime/events";
import { db } from "../db";
import { bus } from "../events/bus";
import { eventLog } from "../events/event-log";

/** What a subscription sends to; a Socket.IO socket in production. */
export interface EventSink {
  send(event: TaskEventMessage): void;
  /** Called when the sink lags too far behind; it must resubscribe from its last seq. */
  overflow(): void;
}

const PAGE = 500;
const MAX_QUEUED = 10_000;

interface Subscription {
  sink: EventSink;
  lastSent: number;
  /** Live events that arrived while the stored log was being replayed. */
  queue: TaskEventMessage[] | null;
}

/**
 * Per-task subscriptions: replay the stored log after a seq, then the events not yet written,
 * then live ones — each seq exactly once and in order, even while events are being appended.
 */
export class TaskSubscriptions {
  private readonly byTask = new Map<string, Set<Subscription>>();

  constructor() {
    bus.on("task:event", (event) => this.deliver(event));
  }

  async subscribe(taskId: string, afterSeq: number, sink: EventSink): Promise<{ lastSeq: number; unsubscribe: () => void }> {
    const sub: Subscription = { sink, lastSent: afterSeq, queue: [] };
    const subs = this.byTask.get(taskId) ?? new Set();
    this.byTask.set(taskId, subs.add(sub));
    const unsubscribe = () => {
      subs.delete(sub);
      if (subs.size === 0 && this.byTask.get(taskId) === subs) this.byTask.delete(taskId);
    };
    try {
      // Snapshot the unwritten events before reading the table: an event leaves `pending` only
      // after it is written, so every event appended before this subscription is in one of
      // the two, and every later one is in the queue.
      const unwritten = eventLog.unwritten(taskId, afterSeq);
      await this.replayStored(taskId, sub);
      for (const event of unwritten) this.sendInOrder(sub, event);
      const queued = sub.queue ?? [];
      sub.queue = null;
      for (const event of queued) this.sendInOrder(sub, event);
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return { lastSeq: sub.lastSent, unsubscribe };
  }

  /** How many subscriptions the task has now. */
  subscriberCount(taskId: string): number {
    return this.byTask.get(taskId)?.size ?? 0;
  }

  private async replayStored(taskId: string, sub: Subscription): Promise<void> {
    for (;;) {
      const rows = await db.taskEvent.findMany({
        where: { taskId, seq: { gt: sub.lastSent } },
        orderBy: { seq: "asc" },
        take: PAGE,
      });
      for (const row of rows) {
        this.sendInOrder(sub, { taskId, seq: row.seq, attempt: row.attempt, type: row.type, data: row.data, at: row.at.toISOString() });
      }
      if (rows.length < PAGE) return;
    }
  }

  private deliver(event: TaskEventMessage): void {
    for (const sub of this.byTask.get(event.taskId) ?? []) {
      if (!sub.queue) {
        this.sendInOrder(sub, event);
      } else if (sub.queue.length < MAX_QUEUED) {
        sub.queue.push(event);
      } else {
        sub.queue = [];
        sub.sink.overflow();
      }
    }
  }

  private sendInOrder(sub: Subscription, event: TaskEventMessage): void {
    if (event.seq <= sub.lastSent) return;
    if (event.seq > sub.lastSent + 1) return sub.sink.overflow();
    sub.lastSent = event.seq;
    sub.sink.send(event);
  }
}

const holder = globalThis as unknown as { __codexCloudSubs?: TaskSubscriptions };
export const taskSubscriptions = (): TaskSubscriptions => (holder.__codexCloudSubs ??= new TaskSubscriptions());
