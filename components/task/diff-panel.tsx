"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Flex, Skeleton, Space, Tag } from "antd";
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
  applied: boolean;
  /** False on a remote environment: its work leaves as a pull request (in the header). */
  canApply: boolean;
}

/** The attempt's diff with Apply (preflight first, then create the branch), download and copy. */
export function DiffPanel({ taskId, attempt, version, applied, canApply }: Props) {
  const { message } = App.useApp();
  const t = useT();
  const files = useQuery({ queryKey: [...taskKeys.diff(taskId, attempt), version], queryFn: ({ signal }) => api.diff(taskId, attempt, { signal }) });
  const preflight = useMutation({ mutationFn: () => api.apply(taskId, { attempt, preflight: true }), onError: (e) => void message.error(e.message) });
  const apply = useMutation({ mutationFn: () => api.apply(taskId, { attempt }), onError: (e) => void message.error(e.message) });
  const push = useMutation({
    mutationFn: () => api.push(taskId),
    onSuccess: (r) => void message.success(t("diff.pushed", { branch: r.branch, remote: r.remote })),
    onError: (e) => void message.error(e.message),
  });
  const result = apply.data ?? preflight.data;
  const patchUrl = `/api/tasks/${taskId}/patch?attempt=${attempt}`;
  const copy = () => void navigator.clipboard?.writeText(`curl -s ${location.origin}${patchUrl} | git apply`).then(() => message.success(t("common.copied")));
  const hasChanges = (files.data?.length ?? 0) > 0;

  return (
    <Flex vertical gap={12}>
      {hasChanges && (
        <Space wrap>
          {canApply && !applied && !preflight.data && <Button type="primary" onClick={() => preflight.mutate()} loading={preflight.isPending}>{t("diff.apply")}</Button>}
          {preflight.data?.status === "success" && !apply.data && <Button type="primary" onClick={() => apply.mutate()} loading={apply.isPending}>{t("diff.createBranch")}</Button>}
          {apply.data?.origin && !push.data && <Button type="primary" onClick={() => push.mutate()} loading={push.isPending}>{t("diff.pushTo", { remote: apply.data.origin })}</Button>}
          <Button href={patchUrl}>{t("diff.downloadPatch")}</Button>
          <Button onClick={copy}>{t("diff.copyCommand")}</Button>
        </Space>
      )}
      {result && (
        <Alert
          type={result.status === "success" ? "success" : "warning"}
          title={result.message}
          description={result.applied ? t("diff.applied", { branch: result.branch ?? "", commit: result.commit?.slice(0, 12) ?? "" }) : [...result.conflictPaths, ...result.skippedPaths].map((p) => <Tag key={p}>{p}</Tag>)}
        />
      )}
      <Suspense fallback={<Skeleton active />}>
        <DiffView files={files.data} loading={files.isLoading} error={files.error} />
      </Suspense>
    </Flex>
  );
}
