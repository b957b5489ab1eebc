import type { ServerNotification } from "./rpc-types";

// The app-server notifications that make up a task's history (API.md "task:event"). Account,
// app-list, file-watch and realtime-audio notifications are not about the task and are dropped.
const STORED = new Set<ServerNotification["method"]>([
  "error",
  "warning",
  "configWarning",
  "deprecationNotice",
  "thread/started",
  "thread/status/changed",
  "thread/tokenUsage/updated",
  "thread/compacted",
  "turn/started",
  "turn/completed",
  "turn/diff/updated",
  "turn/plan/updated",
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
]);

export function isStored(method: ServerNotification["method"]): boolean {
  return STORED.has(method);
}

/** The thread a notification belongs to, when it names one. */
export function threadOf(notification: ServerNotification): string | undefined {
  const params = notification.params as { threadId?: unknown } | undefined;
  return typeof params?.threadId === "string" ? params.threadId : undefined;
}
