"use client";

import { Flex, Input, Select, Switch, Typography } from "antd";
import type { TaskListFilters } from "@/lib/queries/keys";
import { TASK_STATUSES } from "@/lib/schemas/tasks";
import { STATUS_LABELS } from "./status-tag";

interface Props {
  filters: TaskListFilters;
  environments: Array<{ id: string; label: string }>;
  onChange: (filters: TaskListFilters) => void;
}

/** Search, status, environment and archived filters of the task list. */
export function TaskFilters({ filters, environments, onChange }: Props) {
  const set = (patch: Partial<TaskListFilters>) => onChange({ ...filters, ...patch });
  return (
    <Flex gap={8} wrap align="center" style={{ margin: "24px 0 12px" }}>
      <Input.Search aria-label="Search tasks" placeholder="Search tasks" allowClear style={{ maxWidth: 260 }} onSearch={(q) => set({ q: q.trim() || undefined })} />
      <Select aria-label="Status filter" allowClear placeholder="Any status" style={{ width: 170 }} value={filters.status}
        onChange={(status?: string) => set({ status })} options={TASK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s].label }))} />
      <Select aria-label="Environment filter" allowClear showSearch optionFilterProp="label" placeholder="Any environment" style={{ width: 200 }}
        value={filters.environmentId} onChange={(environmentId?: string) => set({ environmentId })}
        options={environments.map((e) => ({ value: e.id, label: e.label }))} />
      <Flex gap={8} align="center">
        <Switch aria-label="Show archived" checked={filters.archived} onChange={(archived) => set({ archived })} />
        <Typography.Text>Archived</Typography.Text>
      </Flex>
    </Flex>
  );
}
