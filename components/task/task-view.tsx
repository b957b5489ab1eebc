"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Input, Segmented, Tabs, Typography } from "antd";
import { useEffect, useState } from "react";
import { api } from "@/lib/queries/api";
import { taskKeys } from "@/lib/queries/keys";
import { useTaskEvents } from "@/lib/realtime/use-task-events";
import { StatusTag } from "../tasks/status-tag";
import { ApprovalModal } from "./approval-modal";
import { DiffPanel } from "./diff-panel";
import { Timeline } from "./timeline";

// Events after which the task's summary (status, turns, approvals, stats) has changed.
const REFRESHING = new Set(["task/status", "approval/requested", "approval/resolved", "diff/updated", "turn/started", "turn/completed", "task/applied"]);

/** A task: prompt, live timeline of the selected attempt, diff and apply, approvals, follow-ups. */
export function TaskView({ taskId }: { taskId: string }) {
  const queryClient = useQueryClient();
  const task = useQuery({ queryKey: taskKeys.detail(taskId), queryFn: ({ signal }) => api.task(taskId, { signal }), staleTime: 0 });
  const events = useTaskEvents(taskId);
  const [attempt, setAttempt] = useState(0);
  const [text, setText] = useState("");
  const last = events.at(-1);
  useEffect(() => {
    if (last && REFRESHING.has(last.type)) void queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) });
  }, [last, queryClient, taskId]);
  const send = useMutation({ mutationFn: () => api.message(taskId, text, attempt), onSuccess: () => setText("") });
  const stop = useMutation({ mutationFn: () => api.interrupt(taskId) });

  if (task.error) return <Alert type="error" message={task.error.message} />;
  if (!task.data) return <Card loading />;
  const t = task.data;
  const active = ["queued", "running", "awaiting_approval"].includes(t.status);
  const pending = t.pendingApprovals.find((a) => a.attempt === attempt) ?? t.pendingApprovals[0];
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="start" gap={12} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>{t.title}</Typography.Title>
          <Typography.Text type="secondary">{t.environmentLabel} · {t.branch}</Typography.Text>
        </div>
        <Flex gap={8} align="center">
          <StatusTag status={t.status} />
          {active && <Button danger onClick={() => stop.mutate()} loading={stop.isPending}>Stop</Button>}
        </Flex>
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{t.prompt}</Typography.Paragraph>
      {t.attempts.length > 1 && (
        <Segmented aria-label="Attempt" value={attempt} onChange={(v) => setAttempt(Number(v))}
          options={t.attempts.map((a) => ({ value: a.index, label: `Attempt ${a.index + 1} · +${a.diffStats.linesAdded} −${a.diffStats.linesRemoved}` }))} />
      )}
      <Tabs items={[
        { key: "timeline", label: "Timeline", children: <Timeline events={events.filter((e) => e.attempt === attempt || e.attempt === null)} /> },
        { key: "diff", label: `Diff (${t.attempts[attempt]?.diffStats.filesChanged ?? 0})`, children: <DiffPanel taskId={taskId} attempt={attempt} lastSeq={t.lastSeq} applied={t.status === "applied"} /> },
      ]} />
      <Flex gap={8}>
        <Input.TextArea aria-label="Follow-up" placeholder="Ask for a follow-up" autoSize value={text} onChange={(e) => setText(e.target.value)} />
        <Button type="primary" disabled={!text.trim() || active} loading={send.isPending} onClick={() => send.mutate()}>Send</Button>
      </Flex>
      {pending && <ApprovalModal key={pending.id} approval={pending} />}
    </Flex>
  );
}
