"use client";

import { useSyncExternalStore } from "react";

interface Clock {
  now: number;
  listeners: Set<() => void>;
  timer?: ReturnType<typeof setInterval>;
  /** One stable subscribe function per interval: a new one each render would resubscribe. */
  subscribe: (onTick: () => void) => () => void;
}

const clocks = new Map<number, Clock>();

function tick(clock: Clock): void {
  clock.now = Date.now();
  for (const listener of clock.listeners) listener();
}

function clockOf(intervalMs: number): Clock {
  const existing = clocks.get(intervalMs);
  if (existing) return existing;
  const clock: Clock = {
    now: Date.now(),
    listeners: new Set(),
    subscribe: (onTick) => {
      clock.listeners.add(onTick);
      if (!clock.timer) {
        clock.timer = setInterval(() => tick(clock), intervalMs);
        // The clock may have stood still while nobody watched: bring it up to date, outside render.
        setTimeout(() => tick(clock), 0);
      }
      return () => {
        clock.listeners.delete(onTick);
        if (clock.listeners.size === 0 && clock.timer) {
          clearInterval(clock.timer);
          clock.timer = undefined;
        }
      };
    },
  };
  clocks.set(intervalMs, clock);
  return clock;
}

/** The current time, refreshed every `intervalMs` by one shared timer per interval. */
export function useNow(intervalMs: number): number {
  const clock = clockOf(intervalMs);
  return useSyncExternalStore(clock.subscribe, () => clock.now, () => clock.now);
}
