"use client";

import { App, Button } from "antd";
import { useState } from "react";
import { useEnvironments } from "@/lib/queries/environments";
import type { TaskListFilters } from "@/lib/queries/keys";
import { useArchiveTask, useTaskList } from "@/lib/queries/tasks";
import { useT } from "../i18n/locale-provider";
import { RowList } from "../ui/row-list";
import { TaskFilters } from "./task-filters";
import { TaskRow } from "./task-row";

/** The task list: filters, search, archived toggle, "Load more"; rows update live. */
export function TaskList() {
  const t = useT();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<TaskListFilters>({ archived: false });
  const tasks = useTaskList(filters);
  const environments = useEnvironments();
  const archive = useArchiveTask();
  const items = tasks.data?.pages.flatMap((p) => p.items) ?? [];
  const onArchive = (id: string, archived: boolean) =>
    archive.mutate({ id, archived }, { onError: (error) => void message.error(error.message) });

  return (
    <>
      <TaskFilters filters={filters} environments={environments.data ?? []} onChange={setFilters} />
      <RowList
        label={t("tasks.list")}
        loading={tasks.isLoading}
        items={items}
        rowKey={(t) => t.id}
        empty={t(filters.archived ? "tasks.noArchived" : "tasks.noTasks")}
        renderRow={(task) => <TaskRow task={task} onArchive={(archived) => onArchive(task.id, archived)} />}
      />
      {tasks.hasNextPage && (
        <Button block style={{ marginTop: 12 }} onClick={() => void tasks.fetchNextPage()} loading={tasks.isFetchingNextPage}>
          {t("common.loadMore")}
        </Button>
      )}
    </>
  );
}
