"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Flex, Input, List, Select, Switch, Typography } from "antd";
import Link from "next/link";
import { useEffect, useState } from "react";
import { api } from "@/lib/queries/api";
import { taskKeys } from "@/lib/queries/keys";
import { getSocket } from "@/lib/realtime/socket";
import { TASK_STATUSES, type TTaskStatus, type TTaskSummary } from "@/lib/schemas/tasks";
import { StatusTag } from "./status-tag";

function ago(iso: string): string {
  const s = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

/** The task list: filters, search, archived toggle, "Load more"; rows update from `task:updated`. */
export function TaskList() {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<TTaskStatus>();
  const [q, setQ] = useState("");
  const [archived, setArchived] = useState(false);
  const filters = { status, q: q.trim() || undefined, archived };
  const tasks = useInfiniteQuery({
    queryKey: taskKeys.list(filters),
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ archived: String(archived), limit: "20" });
      if (status) params.set("status", status);
      if (filters.q) params.set("q", filters.q);
      if (pageParam) params.set("cursor", pageParam);
      return api.tasks(params.toString(), { signal });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Updates that came while the list was not on screen are not in the cache: refetch on mount.
    staleTime: 0,
  });

  useEffect(() => {
    const socket = getSocket();
    const onUpdate = (summary: unknown) => {
      const updated = summary as TTaskSummary;
      const known = tasks.data?.pages.some((p) => p.items.some((t) => t.id === updated.id));
      if (!known) return void queryClient.invalidateQueries({ queryKey: taskKeys.lists() });
      queryClient.setQueriesData<typeof tasks.data>({ queryKey: taskKeys.lists() }, (data) =>
        data && { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((t) => (t.id === updated.id ? updated : t)) })) },
      );
    };
    socket.on("task:updated", onUpdate);
    return () => void socket.off("task:updated", onUpdate);
  }, [queryClient, tasks.data]);

  const items = tasks.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Flex gap={8} wrap style={{ margin: "24px 0 12px" }} align="center">
        <Input.Search aria-label="Search tasks" placeholder="Search" allowClear style={{ maxWidth: 260 }} onSearch={setQ} />
        <Select aria-label="Status filter" allowClear placeholder="Any status" style={{ width: 170 }} value={status} onChange={setStatus}
          options={TASK_STATUSES.map((s) => ({ value: s, label: s.replace("_", " ") }))} />
        <Switch aria-label="Show archived" checked={archived} onChange={setArchived} /> <span>Archived</span>
      </Flex>
      <List
        loading={tasks.isLoading}
        dataSource={items}
        locale={{ emptyText: "No tasks yet." }}
        renderItem={(t) => (
          <List.Item key={t.id}>
            <List.Item.Meta
              title={<Link href={`/tasks/${t.id}`}>{t.title}</Link>}
              description={`${t.environmentLabel} · ${t.branch} · ${ago(t.createdAt)}${t.attemptsTotal > 1 ? ` · ${t.attemptsTotal} attempts` : ""}`}
            />
            <Flex gap={12} align="center">
              <Typography.Text type="secondary">
                <span style={{ color: "#2da44e" }}>+{t.diffStats.linesAdded}</span> <span style={{ color: "#cf222e" }}>−{t.diffStats.linesRemoved}</span> · {t.diffStats.filesChanged} files
              </Typography.Text>
              <StatusTag status={t.status} />
            </Flex>
          </List.Item>
        )}
      />
      {tasks.hasNextPage && (
        <Button block onClick={() => void tasks.fetchNextPage()} loading={tasks.isFetchingNextPage}>
          Load more
        </Button>
      )}
    </>
  );
}
