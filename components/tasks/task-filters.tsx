"use client";

import { Flex, Input, Select, Switch, Typography } from "antd";
import type { TaskListFilters } from "@/lib/queries/keys";
import { TASK_STATUSES } from "@/lib/schemas/tasks";
import { useT } from "../i18n/locale-provider";
import { STATUS_LABELS } from "./status-tag";

interface Props {
  filters: TaskListFilters;
  environments: Array<{ id: string; label: string }>;
  onChange: (filters: TaskListFilters) => void;
}

/** Search, status, environment and archived filters of the task list. */
export function TaskFilters({ filters, environments, onChange }: Props) {
  const t = useT();
  const set = (patch: Partial<TaskListFilters>) => onChange({ ...filters, ...patch });
  return (
    <Flex gap={8} wrap align="center" style={{ margin: "24px 0 12px" }}>
      <Input.Search aria-label={t("tasks.search")} placeholder={t("tasks.search")} allowClear style={{ maxWidth: 260 }} onSearch={(q) => set({ q: q.trim() || undefined })} />
      <Select aria-label={t("tasks.statusFilter")} allowClear placeholder={t("tasks.anyStatus")} style={{ width: 170 }} value={filters.status}
        onChange={(status?: string) => set({ status })} options={TASK_STATUSES.map((s) => ({ value: s, label: t(STATUS_LABELS[s].label) }))} />
      <Select aria-label={t("tasks.environmentFilter")} allowClear showSearch optionFilterProp="label" placeholder={t("tasks.anyEnvironment")} style={{ width: 200 }}
        value={filters.environmentId} onChange={(environmentId?: string) => set({ environmentId })}
        options={environments.map((e) => ({ value: e.id, label: e.label }))} />
      <Flex gap={8} align="center">
        <Switch aria-label={t("tasks.showArchived")} checked={filters.archived} onChange={(archived) => set({ archived })} />
        <Typography.Text>{t("tasks.archived")}</Typography.Text>
      </Flex>
    </Flex>
  );
}
