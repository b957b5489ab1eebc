"use client";

import { Alert, Card, Empty, Flex, Spin, Tag, Typography } from "antd";
import { useMemo } from "react";
import type { MessageKey } from "@/lib/i18n/translate";
import { awaitingApproval, buildTimeline, type TimelineEvent, type TurnView } from "@/lib/timeline/build";
import { useT } from "../i18n/locale-provider";
import { Terminal } from "./terminal";
import { TimelineEntry } from "./timeline-entry";

const TURN_LOOK: Record<string, { color: string; label: MessageKey }> = {
  inProgress: { color: "processing", label: "timeline.working" },
  completed: { color: "default", label: "timeline.completed" },
  interrupted: { color: "warning", label: "timeline.interrupted" },
  failed: { color: "error", label: "timeline.failed" },
};

/** One turn; the first one's prompt is the task's, shown in the header, so it is not repeated here. */
function Turn({ turn, first }: { turn: TurnView; first: boolean }) {
  const t = useT();
  const look = TURN_LOOK[turn.status];
  const waiting = awaitingApproval(turn);
  return (
    <Card
      size="small"
      title={<Typography.Text ellipsis style={{ fontWeight: 500 }}>{first ? t("timeline.firstTurn") : turn.prompt.replace(/\s+/g, " ") || t("timeline.turn")}</Typography.Text>}
      extra={<Tag color={look?.color ?? "default"}>{look ? t(look.label) : turn.status}</Tag>}
    >
      <Flex vertical gap={10}>
        {turn.entries.map((entry) => <TimelineEntry key={entry.key} entry={entry} awaitingApproval={waiting.has(entry.key)} />)}
        {turn.status === "inProgress" && <Spin size="small" aria-label={t("timeline.agentWorking")} style={{ alignSelf: "start" }} />}
        {turn.error && !turn.entries.some((e) => e.kind === "error" && e.message === turn.error) && (
          <TimelineEntry entry={{ kind: "error", key: "turn-error", message: turn.error }} />
        )}
      </Flex>
    </Card>
  );
}

/** The live timeline of one attempt: setup output, then each turn as it happens. */
export function Timeline({ events, waiting }: { events: TimelineEvent[]; waiting: boolean }) {
  const t = useT();
  const timeline = useMemo(() => buildTimeline(events), [events]);
  const notices = timeline.notices.map((message) => <Alert key={message} type="warning" showIcon title={message} />);
  if (!timeline.setup && timeline.turns.length === 0) {
    const idle = waiting ? <Flex justify="center" style={{ padding: 32 }}><Spin description={t("timeline.starting")}><div style={{ width: 80 }} /></Spin></Flex> : <Empty description={t("timeline.empty")} />;
    return notices.length > 0 ? <Flex vertical gap={12}>{notices}{idle}</Flex> : idle;
  }
  return (
    <Flex vertical gap={12} aria-label={t("timeline.label")}>
      {notices}
      {timeline.setup && (
        <Terminal title={t("timeline.setup", { script: timeline.setup.script.split("\n")[0] ?? "" })} output={timeline.setup.output} exitCode={timeline.setup.exitCode} running={timeline.setup.exitCode === undefined} defaultOpen={timeline.setup.exitCode !== 0} />
      )}
      {timeline.turns.map((turn, i) => <Turn key={turn.id} turn={turn} first={i === 0} />)}
    </Flex>
  );
}
