"use client";

import { InboxOutlined, UndoOutlined } from "@ant-design/icons";
import { Button, Flex, Tag, Tooltip, Typography } from "antd";
import Link from "next/link";
import type { TTaskSummary } from "@/lib/schemas/tasks";
import { RelativeTime } from "../i18n/relative-time";
import { DiffStats } from "./diff-stats";
import { StatusTag } from "./status-tag";

interface Props {
  task: TTaskSummary;
  onArchive: (archived: boolean) => void;
}

/** One task in the list: title, environment, age, diff stats, status; archive / restore. */
export function TaskRow({ task: t, onArchive }: Props) {
  const details = [t.environmentLabel, t.branch].join(" · ");
  const action = t.archived ? "Restore" : "Archive";
  return (
    <Flex justify="space-between" align="center" gap={12} wrap>
      <Flex vertical style={{ minWidth: 0, flex: "1 1 280px" }}>
        <Link href={`/tasks/${t.id}`} style={{ fontWeight: 500, color: "inherit" }}>{t.title}</Link>
        <Typography.Text type="secondary" ellipsis>
          {details} · <RelativeTime iso={t.createdAt} />{t.attemptsTotal > 1 && ` · ${t.attemptsTotal} attempts`}
        </Typography.Text>
      </Flex>
      <Flex gap={12} align="center">
        {t.mode === "ask" && <Tag>Ask</Tag>}
        <DiffStats stats={t.diffStats} />
        <StatusTag status={t.status} />
        <Tooltip title={action}>
          <Button type="text" size="small" aria-label={`${action} ${t.title}`} icon={t.archived ? <UndoOutlined /> : <InboxOutlined />} onClick={() => onArchive(!t.archived)} />
        </Tooltip>
      </Flex>
    </Flex>
  );
}
