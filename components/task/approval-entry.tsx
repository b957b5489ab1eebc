"use client";

import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled, MinusCircleFilled } from "@ant-design/icons";
import { Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { workspacePath } from "@/lib/diff/change";
import { displayCommand } from "@/lib/format/command";
import type { TApproval } from "@/lib/schemas/approvals";

const OUTCOME: Record<TApproval["status"], { icon: ReactNode; text: string }> = {
  pending: { icon: <ClockCircleFilled style={{ color: "#d29922" }} />, text: "Waiting for approval" },
  accepted: { icon: <CheckCircleFilled style={{ color: "#2da44e" }} />, text: "Approved" },
  declined: { icon: <CloseCircleFilled style={{ color: "#cf222e" }} />, text: "Declined" },
  cancelled: { icon: <MinusCircleFilled />, text: "Cancelled" },
  timed_out: { icon: <CloseCircleFilled style={{ color: "#cf222e" }} />, text: "Declined after the timeout" },
};

const BY = { user: " by you", policy: " by policy", timeout: "" } as const;

/** An approval in the timeline: what was asked and how it was answered. */
export function ApprovalEntry({ approval: a }: { approval: TApproval }) {
  const subject = a.kind === "command" ? displayCommand(a.command ?? "") : a.changes?.map((c) => workspacePath(c.path)).join(", ");
  const outcome = OUTCOME[a.status];
  return (
    <Flex gap={8} align="baseline">
      {outcome.icon}
      <Typography.Text type="secondary">
        {outcome.text}
        {a.decidedBy ? BY[a.decidedBy] : ""}: {a.kind === "command" ? "run" : "change"} <Typography.Text code>{subject}</Typography.Text>
        {a.message && <> — “{a.message}”</>}
      </Typography.Text>
    </Flex>
  );
}
