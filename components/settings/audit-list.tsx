"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Button, Table, Typography } from "antd";
import Link from "next/link";
import { settingsApi } from "@/lib/queries/api";
import { settingsKeys } from "@/lib/queries/keys";

/** The signed-in user's audit trail: sign-ins, tokens, tasks, approvals, applies. */
export function AuditList() {
  const audit = useInfiniteQuery({
    queryKey: settingsKeys.audit,
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) => settingsApi.audit(pageParam, { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Typography.Title level={2}>Audit log</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        loading={audit.isLoading}
        pagination={false}
        dataSource={rows}
        columns={[
          { title: "When", dataIndex: "at", render: (at: string) => new Date(at).toLocaleString() },
          { title: "Who", dataIndex: "actor" },
          { title: "What", dataIndex: "action" },
          { title: "Task", dataIndex: "taskId", render: (id?: string) => id && <Link href={`/tasks/${id}`}>{id.slice(-8)}</Link> },
          { title: "Details", dataIndex: "details", render: (d: unknown) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{JSON.stringify(d)}</Typography.Text> },
        ]}
      />
      {audit.hasNextPage && <Button block onClick={() => void audit.fetchNextPage()}>Load more</Button>}
    </>
  );
}
