"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Input, Modal, Typography } from "antd";
import { useEffect, useState } from "react";
import { changeAsPatch, workspacePath } from "@/lib/diff/change";
import { ApiError } from "@/lib/errors";
import { api } from "@/lib/queries/api";
import { approvalKeys, taskKeys } from "@/lib/queries/keys";
import type { TApproval, TApprovalDecision } from "@/lib/schemas/approvals";
import { DiffText } from "./diff-text";

function useCountdown(expiresAt: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.round((new Date(expiresAt).getTime() - now) / 1000));
}

/** Asks the user about the agent's oldest pending request: a command or a file change. */
export function ApprovalModal({ approval }: { approval: TApproval }) {
  const queryClient = useQueryClient();
  const { message: toast } = App.useApp();
  const [note, setNote] = useState("");
  const seconds = useCountdown(approval.expiresAt);
  const decide = useMutation({
    mutationFn: (decision: TApprovalDecision) => api.decide(approval.id, decision, decision === "decline" && note.trim() ? note.trim() : undefined),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void toast.info("Someone already answered this request.");
      else void toast.error(error.message);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: taskKeys.detail(approval.taskId) });
      void queryClient.invalidateQueries({ queryKey: approvalKeys.pending });
    },
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement | null)?.tagName === "TEXTAREA") return;
      if (e.key === "y" || e.key === "Enter") decide.mutate("accept");
      if (e.key === "n") decide.mutate("decline");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [decide]);

  const title = approval.kind === "command" ? "Run this command?" : "Apply these file changes?";
  return (
    <Modal open title={title} closable={false} maskClosable={false} width={760} footer={
      <Flex gap={8} justify="end">
        <Button danger onClick={() => decide.mutate("decline")} loading={decide.isPending}>Decline</Button>
        <Button onClick={() => decide.mutate("acceptForSession")} loading={decide.isPending}>Approve for this session</Button>
        <Button type="primary" onClick={() => decide.mutate("accept")} loading={decide.isPending}>Approve</Button>
      </Flex>
    }>
      {approval.command && <pre style={{ whiteSpace: "pre-wrap", background: "rgba(127,127,127,.12)", padding: 8, borderRadius: 6 }}>{approval.command}</pre>}
      {approval.cwd && <Typography.Text type="secondary">in {approval.cwd}</Typography.Text>}
      {approval.reason && <Typography.Paragraph>{approval.reason}</Typography.Paragraph>}
      {approval.changes?.map((c) => (
        <div key={c.path} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{c.kind} {workspacePath(c.path)}</Typography.Text>
          <DiffText patch={changeAsPatch(c)} />
        </div>
      ))}
      <Input.TextArea aria-label="Message for the agent" placeholder="Optional: tell the agent why you decline" autoSize value={note} onChange={(e) => setNote(e.target.value)} style={{ marginTop: 12 }} />
      <Typography.Text type="secondary">Declined automatically in {seconds} s · Y approve · N decline</Typography.Text>
    </Modal>
  );
}
