"use client";

import { Alert, Collapse, Empty, Flex, Skeleton, Tag, Typography } from "antd";
import type { TDiffFile } from "@/lib/schemas/tasks";
import { DiffText } from "./diff-text";

interface Props {
  files: TDiffFile[] | undefined;
  loading: boolean;
  error: Error | null;
}

/** From the first hunk on: the file header lines repeat what the panel's title shows. */
function hunks(patch: string): string {
  const start = patch.search(/^@@/m);
  return start === -1 ? patch : patch.slice(start);
}

/** The attempt's changed files, each a collapsible unified diff (the first 20 open). */
export function DiffFiles({ files, loading, error }: Props) {
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (loading || !files) return <Skeleton active />;
  if (files.length === 0) return <Empty description="No changes yet." />;
  return (
    <Collapse
      defaultActiveKey={files.slice(0, 20).map((f) => f.path)}
      items={files.map((f) => ({
        key: f.path,
        label: (
          <Flex gap={8} align="center" wrap>
            <Typography.Text code>{f.path}</Typography.Text>
            <Tag>{f.status}</Tag>
            <span style={{ color: "#2da44e" }}>+{f.additions}</span>
            <span style={{ color: "#cf222e" }}>−{f.deletions}</span>
          </Flex>
        ),
        styles: { body: { padding: 0 } },
        children: <DiffText patch={hunks(f.patch)} />,
      }))}
    />
  );
}
