"use client";

import { Alert, Card, Flex, Tabs } from "antd";
import { useMemo } from "react";
import { useTask } from "@/lib/queries/tasks";
import { useConnected } from "@/lib/realtime/use-connected";
import { useTaskEvents } from "@/lib/realtime/use-task-events";
import { useT } from "../i18n/locale-provider";
import { ApplyAction } from "./apply-action";
import { ApprovalModal } from "./approval-modal";
import { AttemptSwitcher } from "./attempt-switcher";
import { DiffPanel } from "./diff-panel";
import { FollowUp } from "./follow-up";
import { PullRequestAction } from "./pull-request-action";
import { isActive, TaskHeader } from "./task-header";
import { TaskStats } from "./task-stats";
import { Timeline } from "./timeline";
import { useSelectedAttempt } from "./use-selected-attempt";

/** A task: prompt, live timeline of the selected attempt, diff and apply, approvals, follow-ups. */
export function TaskView({ taskId }: { taskId: string }) {
  const t = useT();
  const task = useTask(taskId);
  const { log, error: streamError } = useTaskEvents(taskId);
  const connected = useConnected();
  const [attempt, setAttempt] = useSelectedAttempt(task.data);
  const events = useMemo(() => log.items.filter((e) => e.attempt === attempt), [log, attempt]);
  const diffVersion = events.findLast((e) => e.type === "diff/updated")?.seq ?? 0;

  if (task.error) return <Alert type="error" showIcon title={task.error.message} />;
  if (!task.data) return <Card loading />;
  const detail = task.data;
  const working = (a: (typeof detail.attempts)[number]) => a.status === "queued" || a.status === "running";
  const current = detail.attempts.find((a) => a.index === attempt);
  const busy = { selected: current ? working(current) : false, any: detail.attempts.some(working) };
  const pending = detail.pendingApprovals.filter((a) => a.attempt === attempt);
  const asked = pending[0] ?? detail.pendingApprovals[0];
  // The header's stats are the selected attempt's until one is delivered, then that one's.
  const shown = detail.attempts.find((a) => a.index === (detail.deliveredAttempt ?? attempt));
  const action = { task: detail, attempt, busy: busy.selected, hasChanges: (current?.diffStats.filesChanged ?? 0) > 0 };

  return (
    <Flex vertical gap={16}>
      <TaskHeader task={detail} stats={shown?.diffStats ?? detail.diffStats} action={detail.delivery === "pullRequest" ? <PullRequestAction {...action} /> : <ApplyAction {...action} />} />
      {detail.attempts.length > 1 && <AttemptSwitcher attempts={detail.attempts} value={attempt} onChange={setAttempt} />}
      <TaskStats task={detail} attempt={attempt} events={events} />
      {current?.error && <Alert type="error" showIcon title={current.error} />}
      {!connected && <Alert type="warning" showIcon title={t("task.reconnecting")} />}
      {streamError && <Alert type="warning" showIcon title={t("task.streamStopped", { error: streamError })} />}
      <Tabs items={[
        { key: "timeline", label: t("task.timeline"), children: <Timeline events={events} waiting={isActive(detail.status)} /> },
        { key: "diff", label: t("task.diffTab", { count: current?.diffStats.filesChanged ?? 0 }), children: <DiffPanel key={attempt} taskId={taskId} attempt={attempt} version={diffVersion} /> },
      ]} />
      <FollowUp taskId={taskId} attempt={attempt} attempts={detail.attempts.length} busy={busy} />
      {asked && <ApprovalModal key={asked.id} approval={asked} waiting={detail.pendingApprovals.length} showAttempt={detail.attempts.length > 1} onShowAttempt={setAttempt} />}
    </Flex>
  );
}
