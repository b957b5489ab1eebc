"use client";

import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled, MinusCircleFilled } from "@ant-design/icons";
import { Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { workspacePath } from "@/lib/diff/change";
import { displayCommand } from "@/lib/format/command";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TApproval } from "@/lib/schemas/approvals";
import { useT } from "../i18n/locale-provider";
import { rich } from "../i18n/rich";

const OUTCOME: Record<TApproval["status"], { icon: ReactNode; text: MessageKey }> = {
  pending: { icon: <ClockCircleFilled style={{ color: "#d29922" }} />, text: "approvals.pending" },
  accepted: { icon: <CheckCircleFilled style={{ color: "#2da44e" }} />, text: "approvals.accepted" },
  declined: { icon: <CloseCircleFilled style={{ color: "#cf222e" }} />, text: "approvals.declined" },
  cancelled: { icon: <MinusCircleFilled />, text: "approvals.cancelled" },
  timed_out: { icon: <CloseCircleFilled style={{ color: "#cf222e" }} />, text: "approvals.timedOut" },
};

const FOR_SESSION: { icon: ReactNode; text: MessageKey } = { icon: OUTCOME.accepted.icon, text: "approvals.acceptedForSession" };

const BY: Partial<Record<NonNullable<TApproval["decidedBy"]>, MessageKey>> = { user: "approvals.byUser", policy: "approvals.byPolicy" };

/** An approval in the timeline: what was asked and how it was answered. */
export function ApprovalEntry({ approval: a }: { approval: TApproval }) {
  const t = useT();
  const subject = a.kind === "command" ? displayCommand(a.command ?? "") : a.changes?.map((c) => workspacePath(c.path)).join(", ");
  const outcome = a.decision === "acceptForSession" ? FOR_SESSION : OUTCOME[a.status];
  const by = a.decidedBy && BY[a.decidedBy];
  const text = by ? t(by, { outcome: t(outcome.text) }) : t(outcome.text);
  return (
    <Flex gap={8} align="baseline">
      {outcome.icon}
      <Typography.Text type="secondary">
        {rich(t("approvals.entry", { outcome: text, verb: t(a.kind === "command" ? "approvals.run" : "approvals.change") }), {
          subject: <Typography.Text code>{subject}</Typography.Text>,
        })}
        {a.message && <> — “{a.message}”</>}
      </Typography.Text>
    </Flex>
  );
}
