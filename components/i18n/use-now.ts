"use client";

import { useSyncExternalStore } from "react";

const clocks = new Map<number, { now: number; listeners: Set<() => void>; timer?: ReturnType<typeof setInterval> }>();

function clock(intervalMs: number) {
  let entry = clocks.get(intervalMs);
  if (!entry) clocks.set(intervalMs, (entry = { now: Date.now(), listeners: new Set() }));
  return entry;
}

function subscribe(intervalMs: number, onTick: () => void): () => void {
  const entry = clock(intervalMs);
  entry.listeners.add(onTick);
  if (!entry.timer) entry.now = Date.now();
  entry.timer ??= setInterval(() => {
    entry.now = Date.now();
    for (const listener of entry.listeners) listener();
  }, intervalMs);
  return () => {
    entry.listeners.delete(onTick);
    if (entry.listeners.size === 0 && entry.timer) {
      clearInterval(entry.timer);
      entry.timer = undefined;
    }
  };
}

/** The current time, refreshed every `intervalMs` by one shared timer per interval. */
export function useNow(intervalMs: number): number {
  return useSyncExternalStore(
    (onTick) => subscribe(intervalMs, onTick),
    () => clock(intervalMs).now,
    () => clock(intervalMs).now,
  );
}
