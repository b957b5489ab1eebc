"use client";

import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, EVENTS_PAGE } from "../queries/api";
import { taskKeys } from "../queries/keys";
import { appendEvents, EMPTY_LOG, type EventLog } from "./event-log";
import type { TaskEventMessage } from "./events";
import { getSocket } from "./socket";

// Events after which the task's detail (turns, attempts, stats) is worth refetching; status
// changes come as `task:updated` (see use-live-updates).
const CHANGES_DETAIL = new Set(["turn/started", "turn/completed", "diff/updated", "task/applied"]);

/** Reads the stored log after what the cache already holds, page by page. */
async function loadHistory(queryClient: QueryClient, taskId: string, signal: AbortSignal): Promise<EventLog> {
  let log = queryClient.getQueryData<EventLog>(taskKeys.events(taskId)) ?? EMPTY_LOG;
  for (;;) {
    const page = await api.events(taskId, log.lastSeq, { signal });
    log = appendEvents(log, page.items).log;
    if (page.items.length < EVENTS_PAGE) return log;
  }
}

/**
 * A task's event log, live: the stored history, then `task:subscribe` from the last seq held —
 * again after every reconnect or lost event. Events are kept in the query cache, in seq order,
 * each once; bursts (streamed deltas) are applied in batches, at most every 50 ms.
 */
export function useTaskEvents(taskId: string): { log: EventLog; error: string | null } {
  const queryClient = useQueryClient();
  const history = useQuery({ queryKey: taskKeys.events(taskId), queryFn: ({ signal }) => loadHistory(queryClient, taskId, signal), staleTime: Infinity });
  const [error, setError] = useState<string | null>(null);
  const loaded = history.data !== undefined;

  useEffect(() => {
    if (!loaded) return;
    const socket = getSocket();
    const key = taskKeys.events(taskId);
    let buffer: TaskEventMessage[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const lastSeq = () => queryClient.getQueryData<EventLog>(key)?.lastSeq ?? 0;
    const subscribe = () =>
      socket.emit("task:subscribe", { taskId, afterSeq: lastSeq() }, (res) => setError(res.ok ? null : res.error.message));
    const flush = () => {
      timer = undefined;
      const incoming = buffer;
      buffer = [];
      const before = queryClient.getQueryData<EventLog>(key) ?? EMPTY_LOG;
      const { log, gap } = appendEvents(before, incoming);
      if (log !== before) queryClient.setQueryData(key, log);
      if (log.items.slice(before.items.length).some((e) => CHANGES_DETAIL.has(e.type))) {
        void queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) });
      }
      if (gap) subscribe();
    };
    const onEvent = (event: TaskEventMessage) => {
      if (event.taskId !== taskId) return;
      buffer.push(event);
      timer ??= setTimeout(flush, 50);
    };
    socket.on("task:event", onEvent);
    socket.on("connect", subscribe);
    if (socket.connected) subscribe();
    return () => {
      clearTimeout(timer);
      socket.off("task:event", onEvent);
      socket.off("connect", subscribe);
      socket.emit("task:unsubscribe", { taskId }, () => undefined);
    };
  }, [loaded, queryClient, taskId]);

  return { log: history.data ?? EMPTY_LOG, error: error ?? history.error?.message ?? null };
}
