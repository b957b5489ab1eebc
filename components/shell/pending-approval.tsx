"use client";

import { App, Button, Flex, Typography } from "antd";
import Link from "next/link";
import { workspacePath } from "@/lib/diff/change";
import { displayCommand } from "@/lib/format/command";
import { useDecideApproval } from "@/lib/queries/approvals";
import type { TApproval } from "@/lib/schemas/approvals";
import { useT } from "../i18n/locale-provider";

/** One request in the pending drawer: its task, what it asks (as the dialog shows it), Approve and Decline. */
export function PendingApproval({ approval: a, onOpen }: { approval: TApproval; onOpen: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const decide = useDecideApproval(a);
  const asked = a.command ? displayCommand(a.command) : (a.changes?.map((c) => workspacePath(c.path)).join(", ") ?? a.kind);
  const answer = (decision: "accept" | "decline") => decide.mutate({ decision }, { onError: (error) => void message.error(error.message) });
  return (
    <Flex vertical gap={6} style={{ width: "100%" }}>
      <Link href={`/tasks/${a.taskId}`} onClick={onOpen} style={{ fontWeight: 500 }}>{a.taskTitle ?? a.taskId}</Link>
      <Typography.Text code style={{ wordBreak: "break-all" }}>{asked}</Typography.Text>
      <Flex gap={8}>
        <Button size="small" type="primary" loading={decide.isPending} onClick={() => answer("accept")}>{t("approvals.approve")}</Button>
        <Button size="small" disabled={decide.isPending} onClick={() => answer("decline")}>{t("approvals.decline")}</Button>
      </Flex>
    </Flex>
  );
}
