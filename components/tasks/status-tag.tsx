"use client";

import { Tag } from "antd";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TTaskStatus } from "@/lib/schemas/tasks";
import { useT } from "../i18n/locale-provider";

export const STATUS_LABELS: Record<TTaskStatus, { color: string; label: MessageKey }> = {
  queued: { color: "default", label: "tasks.statusQueued" },
  running: { color: "processing", label: "tasks.statusRunning" },
  awaiting_approval: { color: "warning", label: "tasks.statusAwaitingApproval" },
  ready: { color: "success", label: "tasks.statusReady" },
  applied: { color: "purple", label: "tasks.statusApplied" },
  error: { color: "error", label: "tasks.statusError" },
  cancelled: { color: "default", label: "tasks.statusCancelled" },
};

export function StatusTag({ status }: { status: TTaskStatus }) {
  const t = useT();
  const look = STATUS_LABELS[status];
  return <Tag color={look.color}>{t(look.label)}</Tag>;
}
