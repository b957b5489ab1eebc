"use client";

import { StopOutlined } from "@ant-design/icons";
import { App, Button, Flex, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useInterrupt } from "@/lib/queries/tasks";
import type { TDiffStats, TTaskDetail } from "@/lib/schemas/tasks";
import { useT } from "../i18n/locale-provider";
import { RelativeTime } from "../i18n/relative-time";
import { DiffStats } from "../tasks/diff-stats";
import { StatusTag } from "../tasks/status-tag";

export const isActive = (status: TTaskDetail["status"]) => status === "queued" || status === "running" || status === "awaiting_approval";

interface Props {
  task: TTaskDetail;
  /** The diff stats to show: the selected attempt's, or the delivered one's. */
  stats: TDiffStats;
  /** The primary action (Apply, or the pull request's), visible from every tab. */
  action: ReactNode;
}

/** Title, where it runs, status, Stop and the primary action; the prompt below, folded when long. */
export function TaskHeader({ task: t, stats, action }: Props) {
  const { message } = App.useApp();
  const tr = useT();
  const stop = useInterrupt(t.id);
  const onStop = () => stop.mutate(undefined, { onError: (error) => void message.error(error.message) });
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="start" gap={12} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>{t.title}</Typography.Title>
          <Typography.Text type="secondary">
            {t.environmentLabel} · {t.branch} · <RelativeTime iso={t.createdAt} />
          </Typography.Text>
        </div>
        <Flex gap={8} align="center" wrap>
          {t.mode === "ask" && <Tag>{tr("task.ask")}</Tag>}
          <DiffStats stats={stats} />
          <StatusTag status={t.status} />
          {isActive(t.status) && <Button danger icon={<StopOutlined />} onClick={onStop} loading={stop.isPending}>{tr("task.stop")}</Button>}
          {action}
        </Flex>
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }} ellipsis={{ rows: 4, expandable: "collapsible" }}>
        {t.prompt}
      </Typography.Paragraph>
    </Flex>
  );
}
