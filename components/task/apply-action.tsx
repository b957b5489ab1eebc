"use client";

import { BranchesOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Modal, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { useApply, usePreflight, usePush } from "@/lib/queries/tasks";
import type { TApplyResult } from "@/lib/schemas/apply";
import type { TTaskDetail } from "@/lib/schemas/tasks";
import { useT } from "../i18n/locale-provider";

function ResultAlert({ result }: { result: TApplyResult }) {
  const paths = [...result.conflictPaths, ...result.skippedPaths];
  return (
    <Alert
      type={result.status === "success" ? "success" : "warning"}
      showIcon
      title={result.message}
      description={paths.length > 0 && <Flex gap={4} wrap>{paths.map((p) => <Tag key={p}>{p}</Tag>)}</Flex>}
    />
  );
}

interface Props {
  task: TTaskDetail;
  attempt: number;
  busy: boolean;
  hasChanges: boolean;
}

/**
 * The task's primary action on a local environment: Apply opens a dialog that checks the
 * selected attempt's diff against the task's branch, then Create branch writes it; once applied,
 * the branch and commit, and Push to the repository's origin when it has one.
 */
export function ApplyAction({ task, attempt, busy, hasChanges }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const preflight = usePreflight(task.id);
  const apply = useApply(task.id);
  const push = usePush(task.id);
  const onError = (error: Error) => void message.error(error.message);
  const made = apply.data?.applied && apply.data.branch && apply.data.commit ? { branch: apply.data.branch, commit: apply.data.commit } : undefined;
  const applied = task.applied ?? made;

  if (applied) {
    const onPush = () => push.mutate(undefined, { onSuccess: (r) => void message.success(t("diff.pushed", { branch: r.branch, remote: r.remote })), onError });
    return (
      <>
        <Tag icon={<BranchesOutlined />} color="success">{t("diff.applied", { branch: applied.branch, commit: applied.commit.slice(0, 12) })}</Tag>
        {apply.data?.origin && !push.data && <Button type="primary" onClick={onPush} loading={push.isPending}>{t("diff.pushTo", { remote: apply.data.origin })}</Button>}
      </>
    );
  }
  const start = () => {
    apply.reset();
    setOpen(true);
    preflight.mutate(attempt, { onError });
  };
  const create = () => apply.mutate(attempt, { onSuccess: (r) => r.applied && setOpen(false), onError });
  const result = apply.data ?? preflight.data;
  return (
    <>
      <Button type="primary" disabled={busy || !hasChanges} onClick={start}>{t("diff.apply")}</Button>
      <Modal open={open} title={t("diff.applyTitle", { branch: task.branch })} okText={t("diff.createBranch")} onOk={create} onCancel={() => setOpen(false)}
        okButtonProps={{ disabled: result?.status !== "success" }} confirmLoading={apply.isPending} destroyOnHidden>
        <Flex vertical gap={12}>
          {task.attempts.length > 1 && <Typography.Text>{t("diff.applyAttempt", { number: attempt + 1 })}</Typography.Text>}
          {preflight.isPending ? <Spin description={t("diff.checking", { branch: task.branch })}><div style={{ height: 48 }} /></Spin> : result && <ResultAlert result={result} />}
        </Flex>
      </Modal>
    </>
  );
}
