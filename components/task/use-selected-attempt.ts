"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { attemptFromParam, attemptParam } from "@/lib/format/attempt";
import type { TTaskDetail } from "@/lib/schemas/tasks";

/**
 * The attempt shown on the task page, kept in the URL (`?attempt=2`) so that a reload or a shared
 * link opens the same one; without it, the delivered attempt, else the first.
 */
export function useSelectedAttempt(task: TTaskDetail | undefined): [number, (index: number) => void] {
  const params = useSearchParams();
  const attempt = attemptFromParam(params.get("attempt"), task?.attempts.length ?? 0) ?? task?.deliveredAttempt ?? 0;
  const select = useCallback((index: number) => {
    const url = new URL(window.location.href);
    url.searchParams.set("attempt", attemptParam(index));
    // Next's router follows history.replaceState: useSearchParams updates, nothing is fetched.
    window.history.replaceState(null, "", url);
  }, []);
  return [attempt, select];
}
