"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Collapse, Empty, Flex, Space, Tag } from "antd";
import { api } from "@/lib/queries/api";
import { taskKeys } from "@/lib/queries/keys";
import type { TApplyResult } from "@/lib/schemas/apply";
import { DiffText } from "./diff-text";

/** The attempt's files with their diffs, and Apply (preflight first), download and copy. */
export function DiffPanel({ taskId, attempt, lastSeq, applied }: { taskId: string; attempt: number; lastSeq: number; applied: boolean }) {
  const { message } = App.useApp();
  const files = useQuery({ queryKey: [...taskKeys.diff(taskId, attempt), lastSeq], queryFn: ({ signal }) => api.diff(taskId, attempt, { signal }) });
  const preflight = useMutation({ mutationFn: () => api.apply(taskId, { attempt, preflight: true }) });
  const apply = useMutation({ mutationFn: () => api.apply(taskId, { attempt }), onError: (e) => void message.error(e.message) });
  const result: TApplyResult | undefined = apply.data ?? preflight.data;
  const copy = () => void navigator.clipboard?.writeText(`curl -s ${location.origin}/api/tasks/${taskId}/patch?attempt=${attempt} | git apply`).then(() => message.success("Copied"));

  if (files.data?.length === 0) return <Empty description="No changes yet." />;
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        {!applied && !preflight.data && <Button type="primary" onClick={() => preflight.mutate()} loading={preflight.isPending}>Apply</Button>}
        {preflight.data?.status === "success" && !apply.data && <Button type="primary" onClick={() => apply.mutate()} loading={apply.isPending}>Create branch</Button>}
        <Button href={`/api/tasks/${taskId}/patch?attempt=${attempt}`}>Download patch</Button>
        <Button onClick={copy}>Copy git apply command</Button>
      </Space>
      {result && (
        <Alert
          type={result.status === "success" ? "success" : "warning"}
          message={result.message}
          description={result.applied ? `Branch ${result.branch} · commit ${result.commit?.slice(0, 12)}` : [...result.conflictPaths, ...result.skippedPaths].map((p) => <Tag key={p}>{p}</Tag>)}
        />
      )}
      {files.data && <Collapse
        defaultActiveKey={files.data.slice(0, 20).map((f) => f.path)}
        items={files.data.map((f) => ({
          key: f.path,
          label: <Flex gap={8}><span>{f.path}</span><Tag>{f.status}</Tag><span style={{ color: "#2da44e" }}>+{f.additions}</span><span style={{ color: "#cf222e" }}>−{f.deletions}</span></Flex>,
          children: <DiffText patch={f.patch} />,
        }))}
      />}
    </Flex>
  );
}
