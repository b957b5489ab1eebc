"use client";

import { InboxOutlined, UndoOutlined } from "@ant-design/icons";
import { Button, Flex, Tag, Tooltip, Typography } from "antd";
import Link from "next/link";
import type { TTaskSummary } from "@/lib/schemas/tasks";
import { useT } from "../i18n/locale-provider";
import { RelativeTime } from "../i18n/relative-time";
import { PullRequestTag } from "../task/pull-request-action";
import { DiffStats } from "./diff-stats";
import { StatusTag } from "./status-tag";

interface Props {
  task: TTaskSummary;
  onArchive: (archived: boolean) => void;
}

/** One task in the list: title, environment, age, diff stats, status; archive / restore. */
export function TaskRow({ task, onArchive }: Props) {
  const t = useT();
  const details = [task.environmentLabel, task.branch].join(" · ");
  return (
    <Flex justify="space-between" align="center" gap={12} wrap>
      <Flex vertical style={{ minWidth: 0, flex: "1 1 280px" }}>
        <Link href={`/tasks/${task.id}`} style={{ fontWeight: 500, color: "inherit" }}>{task.title}</Link>
        <Typography.Text type="secondary" ellipsis>
          {details} · <RelativeTime iso={task.createdAt} />{task.attemptsTotal > 1 && ` · ${t("tasks.attemptCount", { count: task.attemptsTotal })}`}
          {task.totalTokens > 0 && ` · ${t("task.tokens", { count: task.totalTokens })}`}
        </Typography.Text>
      </Flex>
      <Flex gap={12} align="center">
        {task.mode === "ask" && <Tag>{t("tasks.modeAsk")}</Tag>}
        <DiffStats stats={task.diffStats} />
        {task.pullRequest && <PullRequestTag pullRequest={task.pullRequest} />}
        <StatusTag status={task.status} />
        <Tooltip title={t(task.archived ? "tasks.restore" : "tasks.archive")}>
          <Button type="text" size="small" aria-label={t(task.archived ? "tasks.restoreTask" : "tasks.archiveTask", { title: task.title })}
            icon={task.archived ? <UndoOutlined /> : <InboxOutlined />} onClick={() => onArchive(!task.archived)} />
        </Tooltip>
      </Flex>
    </Flex>
  );
}
