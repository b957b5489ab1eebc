"use client";

import { Tag } from "antd";
import type { TTaskStatus } from "@/lib/schemas/tasks";

export const STATUS_LABELS: Record<TTaskStatus, { color: string; label: string }> = {
  queued: { color: "default", label: "queued" },
  running: { color: "processing", label: "running" },
  awaiting_approval: { color: "warning", label: "needs approval" },
  ready: { color: "success", label: "ready" },
  applied: { color: "purple", label: "applied" },
  error: { color: "error", label: "error" },
  cancelled: { color: "default", label: "cancelled" },
};

export function StatusTag({ status }: { status: TTaskStatus }) {
  const look = STATUS_LABELS[status];
  return <Tag color={look.color}>{look.label}</Tag>;
}
