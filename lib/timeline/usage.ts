import type { TTurn } from "../schemas/tasks";
import type { TimelineEvent } from "./build";

export interface TokenUsage {
  totalTokens: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningOutputTokens: number;
  /** Tokens of the last request, against the model's context window (null when unknown). */
  lastTokens: number;
  contextWindow: number | null;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** The thread's token usage as codex last reported it (`thread/tokenUsage/updated`), if ever. */
export function tokenUsage(events: readonly TimelineEvent[]): TokenUsage | null {
  const event = events.findLast((e) => e.type === "thread/tokenUsage/updated");
  const usage = (event?.data as { tokenUsage?: Record<string, unknown> } | undefined)?.tokenUsage;
  if (!usage) return null;
  const total = (usage.total ?? {}) as Record<string, unknown>;
  const last = (usage.last ?? {}) as Record<string, unknown>;
  return {
    totalTokens: num(total.totalTokens),
    inputTokens: num(total.inputTokens),
    cachedInputTokens: num(total.cachedInputTokens),
    outputTokens: num(total.outputTokens),
    reasoningOutputTokens: num(total.reasoningOutputTokens),
    lastTokens: num(last.totalTokens),
    contextWindow: typeof usage.modelContextWindow === "number" ? usage.modelContextWindow : null,
  };
}

/** How long the agent has worked on an attempt: its turns' durations, a running one up to `now`. */
export function workedMs(turns: readonly TTurn[], attempt: number, now: number): number {
  return turns
    .filter((t) => t.attempt === attempt)
    .reduce((sum, t) => sum + Math.max(0, (t.completedAt ? Date.parse(t.completedAt) : now) - Date.parse(t.startedAt)), 0);
}
