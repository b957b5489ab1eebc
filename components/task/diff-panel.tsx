"use client";

import { useQuery } from "@tanstack/react-query";
import { App, Button, Flex, Skeleton, Space } from "antd";
import { lazy, Suspense } from "react";
import { api } from "@/lib/queries/api";
import { taskKeys } from "@/lib/queries/keys";
import { useT } from "../i18n/locale-provider";

// The viewer (rows, virtualizer, file tree) loads with the Diff tab, not with the task page.
const DiffView = lazy(() => import("./diff/diff-view").then((m) => ({ default: m.DiffView })));

interface Props {
  taskId: string;
  attempt: number;
  /** Changes when the attempt's diff does (the seq of its last `diff/updated`): refetch then. */
  version: number;
}

/** The attempt's diff with download and copy; applying it is the header's primary action. */
export function DiffPanel({ taskId, attempt, version }: Props) {
  const { message } = App.useApp();
  const t = useT();
  const files = useQuery({ queryKey: [...taskKeys.diff(taskId, attempt), version], queryFn: ({ signal }) => api.diff(taskId, attempt, { signal }) });
  const patchUrl = `/api/tasks/${taskId}/patch?attempt=${attempt}`;
  const copy = () => void navigator.clipboard?.writeText(`curl -s ${location.origin}${patchUrl} | git apply`).then(() => message.success(t("common.copied")));
  const hasChanges = (files.data?.length ?? 0) > 0;

  return (
    <Flex vertical gap={12}>
      {hasChanges && (
        <Space wrap>
          <Button href={patchUrl}>{t("diff.downloadPatch")}</Button>
          <Button onClick={copy}>{t("diff.copyCommand")}</Button>
        </Space>
      )}
      <Suspense fallback={<Skeleton active />}>
        <DiffView files={files.data} loading={files.isLoading} error={files.error} />
      </Suspense>
    </Flex>
  );
}
