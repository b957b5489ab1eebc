"use client";

import { Card, Empty, Flex, Spin, Tag, Typography } from "antd";
import { useMemo } from "react";
import { buildTimeline, type TimelineEvent, type TurnView } from "@/lib/timeline/build";
import { Terminal } from "./terminal";
import { TimelineEntry } from "./timeline-entry";

const TURN_LOOK: Record<string, { color: string; label: string }> = {
  inProgress: { color: "processing", label: "working" },
  completed: { color: "default", label: "completed" },
  interrupted: { color: "warning", label: "interrupted" },
  failed: { color: "error", label: "failed" },
};

function Turn({ turn }: { turn: TurnView }) {
  const look = TURN_LOOK[turn.status] ?? { color: "default", label: turn.status };
  return (
    <Card
      size="small"
      title={<Typography.Text ellipsis style={{ fontWeight: 500 }}>{turn.prompt.replace(/\s+/g, " ") || "Turn"}</Typography.Text>}
      extra={<Tag color={look.color}>{look.label}</Tag>}
    >
      <Flex vertical gap={10}>
        {turn.entries.map((entry) => <TimelineEntry key={entry.key} entry={entry} />)}
        {turn.status === "inProgress" && <Spin size="small" aria-label="The agent is working" style={{ alignSelf: "start" }} />}
        {turn.error && !turn.entries.some((e) => e.kind === "error" && e.message === turn.error) && (
          <TimelineEntry entry={{ kind: "error", key: "turn-error", message: turn.error }} />
        )}
      </Flex>
    </Card>
  );
}

/** The live timeline of one attempt: setup output, then each turn as it happens. */
export function Timeline({ events, waiting }: { events: TimelineEvent[]; waiting: boolean }) {
  const timeline = useMemo(() => buildTimeline(events), [events]);
  if (!timeline.setup && timeline.turns.length === 0) {
    return waiting ? <Flex justify="center" style={{ padding: 32 }}><Spin description="Starting…"><div style={{ width: 80 }} /></Spin></Flex> : <Empty description="Nothing happened in this attempt." />;
  }
  return (
    <Flex vertical gap={12} aria-label="Timeline">
      {timeline.setup && (
        <Terminal title={`Setup: ${timeline.setup.script.split("\n")[0]}`} output={timeline.setup.output} exitCode={timeline.setup.exitCode} running={timeline.setup.exitCode === undefined} defaultOpen={timeline.setup.exitCode !== 0} />
      )}
      {timeline.turns.map((turn) => <Turn key={turn.id} turn={turn} />)}
    </Flex>
  );
}
