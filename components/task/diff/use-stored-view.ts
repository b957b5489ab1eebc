"use client";

import { useCallback, useSyncExternalStore } from "react";
import type { DiffViewMode } from "./file-diff";

const KEY = "codex-cloud:diff-view";
const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

const read = (): DiffViewMode => (localStorage.getItem(KEY) === "split" ? "split" : "unified");

/** Unified or split, remembered in this browser. */
export function useStoredView(): [DiffViewMode, (view: DiffViewMode) => void] {
  const view = useSyncExternalStore(subscribe, read, () => "unified" as const);
  const set = useCallback((next: DiffViewMode) => {
    localStorage.setItem(KEY, next);
    for (const listener of listeners) listener();
  }, []);
  return [view, set];
}
