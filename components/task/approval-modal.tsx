"use client";

import { App, Button, Flex, Input, Modal, Typography } from "antd";
import { type KeyboardEvent, useEffect, useState } from "react";
import { changeAsPatch, workspacePath } from "@/lib/diff/change";
import { ApiError } from "@/lib/errors";
import { displayCommand } from "@/lib/format/command";
import type { MessageKey } from "@/lib/i18n/translate";
import { useDecideApproval } from "@/lib/queries/approvals";
import type { TApproval, TApprovalChange, TApprovalDecision } from "@/lib/schemas/approvals";
import { useT } from "../i18n/locale-provider";
import { rich } from "../i18n/rich";
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

const CHANGE_KIND: Record<TApprovalChange["kind"], MessageKey> = { add: "approvals.add", update: "approvals.update", delete: "approvals.delete" };

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;

interface Props {
  approval: TApproval;
  waiting: number;
  showAttempt: boolean;
  onShowAttempt: (attempt: number) => void;
}

/** Asks the user about one of the agent's pending requests: a command or file changes. */
export function ApprovalModal({ approval: a, waiting, showAttempt, onShowAttempt }: Props) {
  const t = useT();
  const { message: toast } = App.useApp();
  const [note, setNote] = useState("");
  const seconds = useSecondsLeft(a.expiresAt);
  const decide = useDecideApproval(a);
  const answer = (decision: TApprovalDecision) => {
    if (decide.isPending) return;
    const message = decision === "decline" ? note.trim() || undefined : undefined;
    decide.mutate({ decision, message }, {
      onError: (error) => void (error instanceof ApiError && error.status === 409 ? toast.info(t("approvals.answeredElsewhere")) : toast.error(error.message)),
    });
  };
  useApprovalKeys(() => answer("accept"), () => answer("decline"));
  // The message is for a decline: Enter sends it with one, Shift+Enter starts a new line.
  const onNoteKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== "Enter" || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    answer("decline");
  };

  const title = t(a.kind === "command" ? "approvals.runTitle" : "approvals.changeTitle");
  return (
    <Modal open title={title} closable={false} keyboard={false} mask={{ closable: false }} width={760} footer={
      <Flex gap={8} justify="end" wrap>
        <Button danger onClick={() => answer("decline")} disabled={decide.isPending}>{t("approvals.decline")}</Button>
        <Button onClick={() => answer("acceptForSession")} disabled={decide.isPending}>{t("approvals.approveForSession")}</Button>
        <Button type="primary" autoFocus onClick={() => answer("accept")} loading={decide.isPending}>{t("approvals.approve")}</Button>
      </Flex>
    }>
      <Flex vertical gap={8}>
        {(waiting > 1 || showAttempt) && (
          <Flex gap={8} align="center">
            {showAttempt && <Button size="small" onClick={() => onShowAttempt(a.attempt)}>{t("timeline.attemptNumber", { number: a.attempt + 1 })}</Button>}
            {waiting > 1 && <Typography.Text type="secondary">{t("approvals.waiting", { count: waiting })}</Typography.Text>}
          </Flex>
        )}
        {a.reason && <Typography.Text>{a.reason}</Typography.Text>}
        {a.command && <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all", background: "#0d1117", color: "#e6edf3", padding: 12, borderRadius: 8 }}>{displayCommand(a.command)}</pre>}
        {a.cwd && <Typography.Text type="secondary">{t("approvals.inFolder", { cwd: a.cwd })}</Typography.Text>}
        {a.changes?.map((c) => (
          <div key={c.path}>
            <Typography.Text strong>{t(CHANGE_KIND[c.kind])} {workspacePath(c.path)}</Typography.Text>
            <div style={{ maxHeight: 360, overflow: "auto", border: "1px solid rgba(127,127,127,.25)", borderRadius: 6 }}>
              <DiffText patch={changeAsPatch(c)} />
            </div>
          </div>
        ))}
        <Input.TextArea aria-label={t("approvals.note")} placeholder={t("approvals.notePlaceholder")} autoSize value={note} onChange={(e) => setNote(e.target.value)} onKeyDown={onNoteKey} />
        <Typography.Text type="secondary">
          {rich(t("approvals.countdown"), { time: <span aria-label={t("approvals.timeLeft")}>{clock(seconds)}</span> })}
        </Typography.Text>
      </Flex>
    </Modal>
  );
}
