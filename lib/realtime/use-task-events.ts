"use client";

import { useEffect, useState } from "react";
import { api } from "../queries/api";
import type { TaskEventMessage } from "./events";
import { getSocket } from "./socket";

/**
 * A task's event log, live: the stored events, then `task:subscribe` from the last seq held
 * (again after every reconnect). Events are kept in seq order, each once.
 */
export function useTaskEvents(taskId: string): TaskEventMessage[] {
  const [events, setEvents] = useState<TaskEventMessage[]>([]);

  useEffect(() => {
    const socket = getSocket();
    let last = 0;
    let cancelled = false;
    const add = (incoming: TaskEventMessage[]) => {
      const fresh = incoming.filter((e) => e.taskId === taskId && e.seq === last + 1 ? ((last = e.seq), true) : false);
      if (fresh.length > 0 && !cancelled) setEvents((prev) => [...prev, ...fresh]);
    };
    const onEvent = (e: TaskEventMessage) => add([e]);
    const subscribe = () => void socket.emit("task:subscribe", { taskId, afterSeq: last }, () => undefined);
    const controller = new AbortController();
    socket.on("task:event", onEvent);
    void api.events(taskId, 0, { signal: controller.signal }).then((page) => {
      add(page.items);
      socket.on("connect", subscribe);
      if (socket.connected) subscribe();
    }).catch(() => undefined);
    return () => {
      cancelled = true;
      controller.abort();
      socket.off("task:event", onEvent);
      socket.off("connect", subscribe);
      socket.emit("task:unsubscribe", { taskId }, () => undefined);
    };
  }, [taskId]);

  return events;
}
