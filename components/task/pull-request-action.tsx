"use client";

import { BranchesOutlined } from "@ant-design/icons";
import { App, Button, Checkbox, Form, Input, Modal, Tag } from "antd";
import { useState } from "react";
import { pullRequestBranchName } from "@/lib/git/branch-name";
import type { MessageKey } from "@/lib/i18n/translate";
import { useDeliverPullRequest, usePullRequest } from "@/lib/queries/pull-requests";
import type { TTaskDetail } from "@/lib/schemas/tasks";
import { useT } from "../i18n/locale-provider";

const STATE: Record<"open" | "merged" | "closed", { color: string; label: MessageKey }> = {
  open: { color: "green", label: "pullRequests.open" },
  merged: { color: "purple", label: "pullRequests.merged" },
  closed: { color: "default", label: "pullRequests.closed" },
};

/** A link to the task's pull request with its state on the git host. */
export function PullRequestTag({ pullRequest }: { pullRequest: NonNullable<TTaskDetail["pullRequest"]> }) {
  const t = useT();
  const state = STATE[pullRequest.state];
  return (
    <Tag color={state.color} icon={<BranchesOutlined />}>
      <a href={pullRequest.url} target="_blank" rel="noreferrer" aria-label={t("pullRequests.link", { number: pullRequest.number, state: t(state.label) })}>
        #{pullRequest.number} {t(state.label)}
      </a>
    </Tag>
  );
}

/**
 * The task's primary action on a remote environment: Create pull request (a dialog with the
 * branch, editable, and draft), then Update pull request after follow-ups. The state is asked
 * of the host when the page opens.
 */
export function PullRequestAction({ task, attempt, busy, hasChanges }: { task: TTaskDetail; attempt: number; busy: boolean; hasChanges: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ branchName: string; draft: boolean }>();
  const fresh = usePullRequest(task.id, task.pullRequest !== undefined);
  const deliver = useDeliverPullRequest(task.id);
  const pullRequest = fresh.data ?? task.pullRequest;
  const onError = (error: Error) => void message.error(error.message);

  if (pullRequest) {
    const update = () => deliver.mutate({}, { onSuccess: (pr) => void message.success(t("pullRequests.updated", { number: pr.number })), onError });
    return (
      <>
        <PullRequestTag pullRequest={pullRequest} />
        {pullRequest.state === "open" && <Button onClick={update} loading={deliver.isPending} disabled={busy}>{t("pullRequests.update")}</Button>}
      </>
    );
  }
  const submit = ({ branchName, draft }: { branchName: string; draft: boolean }) =>
    deliver.mutate(
      { attempt, branchName: branchName.trim() || undefined, draft },
      { onSuccess: (pr) => (setOpen(false), void message.success(t("pullRequests.opened", { number: pr.number }))), onError },
    );
  return (
    <>
      <Button type="primary" icon={<BranchesOutlined />} disabled={busy || !hasChanges} onClick={() => setOpen(true)}>{t("pullRequests.create")}</Button>
      <Modal open={open} title={t("pullRequests.dialogTitle")} okText={t("pullRequests.submit")} confirmLoading={deliver.isPending}
        onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ branchName: pullRequestBranchName({ title: task.title, taskId: task.id }), draft: false }}>
          <Form.Item name="branchName" label={t("pullRequests.branch")} extra={t("pullRequests.branchHelp", { base: task.branch })}>
            <Input spellCheck={false} />
          </Form.Item>
          <Form.Item name="draft" valuePropName="checked"><Checkbox>{t("pullRequests.draft")}</Checkbox></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
