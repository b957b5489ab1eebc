"use client";

import { CheckCircleFilled, ClockCircleOutlined, LoadingOutlined } from "@ant-design/icons";
import { Card, Flex, Typography } from "antd";
import type { PlanStep } from "@/lib/timeline/build";

const ICONS = { completed: <CheckCircleFilled style={{ color: "#2da44e" }} />, inProgress: <LoadingOutlined />, pending: <ClockCircleOutlined /> };

/** The agent's plan, each step with its state. */
export function PlanView({ explanation, steps }: { explanation: string | null; steps: PlanStep[] }) {
  return (
    <Card size="small" title="Plan">
      {explanation && <Typography.Paragraph type="secondary">{explanation}</Typography.Paragraph>}
      <Flex vertical gap={4} component="ol" style={{ margin: 0, paddingInlineStart: 0, listStyle: "none" }}>
        {steps.map((s, i) => (
          <Flex key={i} gap={8} component="li" aria-label={`${s.step}: ${s.status}`}>
            {ICONS[s.status] ?? ICONS.pending}
            <Typography.Text delete={s.status === "completed"} type={s.status === "completed" ? "secondary" : undefined}>{s.step}</Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
