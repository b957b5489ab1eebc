"use client";

import { App, Button, Flex, Input, Modal, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { changeAsPatch, workspacePath } from "@/lib/diff/change";
import { ApiError } from "@/lib/errors";
import { displayCommand } from "@/lib/format/command";
import { useDecideApproval } from "@/lib/queries/approvals";
import type { TApproval, TApprovalDecision } from "@/lib/schemas/approvals";
import { DiffText } from "./diff-text";
import { useApprovalKeys } from "./use-approval-keys";

function useSecondsLeft(expiresAt: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.round((new Date(expiresAt).getTime() - now) / 1000));
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;

interface Props {
  approval: TApproval;
  waiting: number;
  showAttempt: boolean;
  onShowAttempt: (attempt: number) => void;
}

/** Asks the user about one of the agent's pending requests: a command or file changes. */
export function ApprovalModal({ approval: a, waiting, showAttempt, onShowAttempt }: Props) {
  const { message: toast } = App.useApp();
  const [note, setNote] = useState("");
  const seconds = useSecondsLeft(a.expiresAt);
  const decide = useDecideApproval(a);
  const answer = (decision: TApprovalDecision) => {
    if (decide.isPending) return;
    const message = decision === "decline" ? note.trim() || undefined : undefined;
    decide.mutate({ decision, message }, {
      onError: (error) => void (error instanceof ApiError && error.status === 409 ? toast.info("Someone else already answered this request.") : toast.error(error.message)),
    });
  };
  useApprovalKeys(() => answer("accept"), () => answer("decline"));

  const title = a.kind === "command" ? "Run this command?" : "Apply these file changes?";
  return (
    <Modal open title={title} closable={false} keyboard={false} mask={{ closable: false }} width={760} footer={
      <Flex gap={8} justify="end" wrap>
        <Button danger onClick={() => answer("decline")} disabled={decide.isPending}>Decline</Button>
        <Button onClick={() => answer("acceptForSession")} disabled={decide.isPending}>Approve for this session</Button>
        <Button type="primary" autoFocus onClick={() => answer("accept")} loading={decide.isPending}>Approve</Button>
      </Flex>
    }>
      <Flex vertical gap={8}>
        {(waiting > 1 || showAttempt) && (
          <Flex gap={8} align="center">
            {showAttempt && <Tag style={{ cursor: "pointer" }} onClick={() => onShowAttempt(a.attempt)}>Attempt {a.attempt + 1}</Tag>}
            {waiting > 1 && <Typography.Text type="secondary">{waiting} requests waiting</Typography.Text>}
          </Flex>
        )}
        {a.reason && <Typography.Text>{a.reason}</Typography.Text>}
        {a.command && <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all", background: "#0d1117", color: "#e6edf3", padding: 12, borderRadius: 8 }}>{displayCommand(a.command)}</pre>}
        {a.cwd && <Typography.Text type="secondary">in {a.cwd}</Typography.Text>}
        {a.changes?.map((c) => (
          <div key={c.path}>
            <Typography.Text strong>{c.kind} {workspacePath(c.path)}</Typography.Text>
            <div style={{ maxHeight: 360, overflow: "auto", border: "1px solid rgba(127,127,127,.25)", borderRadius: 6 }}>
              <DiffText patch={changeAsPatch(c)} />
            </div>
          </div>
        ))}
        <Input.TextArea aria-label="Message for the agent" placeholder="Optional: tell the agent why you decline" autoSize value={note} onChange={(e) => setNote(e.target.value)} />
        <Typography.Text type="secondary">
          Declined automatically in <span aria-label="Time left">{clock(seconds)}</span> · Y or Enter approves · N or Esc declines
        </Typography.Text>
      </Flex>
    </Modal>
  );
}
