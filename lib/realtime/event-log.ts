import type { TaskEventMessage } from "./events";

/** A task's event log as the browser holds it: events in seq order, each once. */
export interface EventLog {
  items: TaskEventMessage[];
  lastSeq: number;
}

export const EMPTY_LOG: EventLog = { items: [], lastSeq: 0 };

/**
 * Appends the events that continue the log (seq = lastSeq + 1, in any order of arrival) and
 * drops the ones it already holds. `gap` is true when an event arrived from beyond the next
 * seq: some were lost on the way and the caller must resubscribe from `lastSeq`.
 */
export function appendEvents(log: EventLog, incoming: readonly TaskEventMessage[]): { log: EventLog; gap: boolean } {
  const ahead = new Map(incoming.filter((e) => e.seq > log.lastSeq).map((e) => [e.seq, e]));
  const fresh: TaskEventMessage[] = [];
  let lastSeq = log.lastSeq;
  for (let next = ahead.get(lastSeq + 1); next; next = ahead.get(lastSeq + 1)) {
    fresh.push(next);
    ahead.delete(next.seq);
    lastSeq = next.seq;
  }
  const result = fresh.length === 0 ? log : { items: [...log.items, ...fresh], lastSeq };
  return { log: result, gap: ahead.size > 0 };
}
