"use client";

import { CheckCircleFilled, ClockCircleOutlined, LoadingOutlined } from "@ant-design/icons";
import { Card, Flex, Typography } from "antd";
import type { ReactNode } from "react";
import type { MessageKey } from "@/lib/i18n/translate";
import type { PlanStep } from "@/lib/timeline/build";
import { useT } from "../i18n/locale-provider";

const STEP: Record<PlanStep["status"], { icon: ReactNode; label: MessageKey }> = {
  completed: { icon: <CheckCircleFilled style={{ color: "#2da44e" }} />, label: "timeline.stepCompleted" },
  inProgress: { icon: <LoadingOutlined />, label: "timeline.stepInProgress" },
  pending: { icon: <ClockCircleOutlined />, label: "timeline.stepPending" },
};

/** The agent's plan, each step with its state. */
export function PlanView({ explanation, steps }: { explanation: string | null; steps: PlanStep[] }) {
  const t = useT();
  return (
    <Card size="small" title={t("timeline.plan")}>
      {explanation && <Typography.Paragraph type="secondary">{explanation}</Typography.Paragraph>}
      <Flex vertical gap={4} component="ol" style={{ margin: 0, paddingInlineStart: 0, listStyle: "none" }}>
        {steps.map((s, i) => {
          const look = STEP[s.status] ?? STEP.pending;
          return (
            <Flex key={i} gap={8} component="li" aria-label={t("timeline.step", { step: s.step, status: t(look.label) })}>
              {look.icon}
              <Typography.Text delete={s.status === "completed"} type={s.status === "completed" ? "secondary" : undefined}>{s.step}</Typography.Text>
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}
