"use client";

import { Alert, Card, Flex, Tabs } from "antd";
import { useMemo, useState } from "react";
import { useTask } from "@/lib/queries/tasks";
import { useTaskEvents } from "@/lib/realtime/use-task-events";
import { ApprovalModal } from "./approval-modal";
import { AttemptSwitcher } from "./attempt-switcher";
import { DiffPanel } from "./diff-panel";
import { FollowUp } from "./follow-up";
import { isActive, TaskHeader } from "./task-header";
import { Timeline } from "./timeline";

/** A task: prompt, live timeline of the selected attempt, diff and apply, approvals, follow-ups. */
export function TaskView({ taskId }: { taskId: string }) {
  const task = useTask(taskId);
  const { log, error: streamError } = useTaskEvents(taskId);
  const [attempt, setAttempt] = useState(0);
  const events = useMemo(() => log.items.filter((e) => e.attempt === attempt), [log, attempt]);
  const diffVersion = events.findLast((e) => e.type === "diff/updated")?.seq ?? 0;

  if (task.error) return <Alert type="error" showIcon title={task.error.message} />;
  if (!task.data) return <Card loading />;
  const t = task.data;
  const current = t.attempts.find((a) => a.index === attempt);
  const busy = current?.status === "queued" || current?.status === "running";
  const pending = t.pendingApprovals.filter((a) => a.attempt === attempt);
  const asked = pending[0] ?? t.pendingApprovals[0];

  return (
    <Flex vertical gap={16}>
      <TaskHeader task={t} />
      {t.attempts.length > 1 && <AttemptSwitcher attempts={t.attempts} value={attempt} onChange={setAttempt} />}
      {current?.error && <Alert type="error" showIcon title={current.error} />}
      {streamError && <Alert type="warning" showIcon title={`Live updates stopped: ${streamError}`} />}
      <Tabs items={[
        { key: "timeline", label: "Timeline", children: <Timeline events={events} waiting={isActive(t.status)} /> },
        { key: "diff", label: `Diff (${current?.diffStats.filesChanged ?? 0})`, children: <DiffPanel key={attempt} taskId={taskId} attempt={attempt} version={diffVersion} applied={t.status === "applied"} /> },
      ]} />
      <FollowUp taskId={taskId} attempt={attempt} busy={busy} />
      {asked && <ApprovalModal key={asked.id} approval={asked} waiting={t.pendingApprovals.length} showAttempt={t.attempts.length > 1} onShowAttempt={setAttempt} />}
    </Flex>
  );
}
