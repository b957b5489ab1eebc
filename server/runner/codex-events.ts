import type { ServerNotification } from "./rpc-types";

// The app-server notifications a task keeps (ARCHITECTURE.md, "Notifications worth keeping"),
// as a typed union. Everything else (rate limits, remote control, realtime, ...) is dropped here,
// before the event log or the browser sees it.

export const KEPT_NOTIFICATIONS = [
  "thread/started",
  "thread/status/changed",
  "thread/tokenUsage/updated",
  "thread/compacted",
  "turn/started",
  "turn/completed",
  "turn/plan/updated",
  "turn/diff/updated",
  "item/started",
  "item/completed",
  "item/agentMessage/delta",
  "item/plan/delta",
  "item/reasoning/summaryTextDelta",
  "item/reasoning/summaryPartAdded",
  "item/reasoning/textDelta",
  "item/commandExecution/outputDelta",
  "item/commandExecution/terminalInteraction",
  "item/fileChange/outputDelta",
  "item/fileChange/patchUpdated",
  "item/mcpToolCall/progress",
  "serverRequest/resolved",
  "hook/started",
  "hook/completed",
  "model/rerouted",
  "mcpServer/startupStatus/updated",
  "error",
  "warning",
  "configWarning",
  "deprecationNotice",
] as const satisfies readonly ServerNotification["method"][];

export type RunnerEvent = Extract<ServerNotification, { method: (typeof KEPT_NOTIFICATIONS)[number] }>;

const kept = new Set<string>(KEPT_NOTIFICATIONS);

export function toRunnerEvent(notification: ServerNotification): RunnerEvent | null {
  return kept.has(notification.method) ? (notification as RunnerEvent) : null;
}

/** The thread an event belongs to (which attempt), or null for process-wide events. */
export function eventThreadId(event: RunnerEvent): string | null {
  if (event.method === "thread/started") return event.params.thread.id;
  return "threadId" in event.params && typeof event.params.threadId === "string" ? event.params.threadId : null;
}
