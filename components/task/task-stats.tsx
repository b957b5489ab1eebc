"use client";

import { ClockCircleOutlined, DashboardOutlined } from "@ant-design/icons";
import { Flex, Tooltip, Typography } from "antd";
import { elapsed } from "@/lib/format/time";
import type { TTaskDetail } from "@/lib/schemas/tasks";
import type { TimelineEvent } from "@/lib/timeline/build";
import { tokenUsage, workedMs } from "@/lib/timeline/usage";
import { useLocale } from "../i18n/locale-provider";
import { useNow } from "../i18n/use-now";

interface Props {
  task: TTaskDetail;
  attempt: number;
  events: readonly TimelineEvent[];
}

/** How long the agent has worked on this attempt (ticking while it works) and the tokens used. */
export function TaskStats({ task, attempt, events }: Props) {
  const { locale, t } = useLocale();
  const running = task.turns.some((turn) => turn.attempt === attempt && !turn.completedAt);
  const now = useNow(1_000);
  const worked = workedMs(task.turns, attempt, now);
  const usage = tokenUsage(events);
  const n = (value: number) => value.toLocaleString(locale);
  if (worked === 0 && !usage) return null;
  return (
    <Flex gap={16} wrap role="group" aria-label={t("task.stats")}>
      {worked > 0 && (
        <Typography.Text type="secondary">
          <ClockCircleOutlined /> {t(running ? "task.working" : "task.worked", { time: elapsed(worked) })}
        </Typography.Text>
      )}
      {usage && (
        <Tooltip title={t("task.tokensDetail", { input: n(usage.inputTokens), cached: n(usage.cachedInputTokens), output: n(usage.outputTokens), reasoning: n(usage.reasoningOutputTokens) })}>
          <Typography.Text type="secondary">
            <DashboardOutlined /> {t("task.tokens", { count: usage.totalTokens })}
            {usage.contextWindow ? ` · ${t("task.context", { percent: Math.round((100 * usage.lastTokens) / usage.contextWindow) })}` : ""}
          </Typography.Text>
        </Tooltip>
      )}
    </Flex>
  );
}
