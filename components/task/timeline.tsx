"use client";

import { Alert, Card, Collapse, Flex, Tag, Typography } from "antd";
import type { TaskEventMessage } from "@/lib/realtime/events";
import { changeAsPatch, workspacePath } from "@/lib/diff/change";
import { rebuildTurns, type ThreadItemView } from "@/lib/threads/rebuild";
import { DiffText } from "./diff-text";
import { Markdown } from "./markdown";

type Item = ThreadItemView & { text?: string; command?: string; aggregatedOutput?: string | null; exitCode?: number | null; changes?: Array<{ path: string; diff: string; kind: { type: "add" | "update" | "delete" } }>; summary?: string[] };

function ItemView({ item }: { item: Item }) {
  switch (item.type) {
    case "userMessage":
      return null;
    case "agentMessage":
      return <Markdown text={item.text ?? ""} />;
    case "reasoning":
      return <Typography.Text type="secondary" italic>{(item.summary ?? []).join(" ")}</Typography.Text>;
    case "commandExecution":
      return (
        <Collapse
          size="small"
          defaultActiveKey={["out"]}
          items={[{
            key: "out",
            label: <Flex gap={8} align="center"><code>{item.command}</code>{item.exitCode != null && <Tag color={item.exitCode === 0 ? "success" : "error"}>exit {item.exitCode}</Tag>}</Flex>,
            children: <pre style={{ margin: 0, maxHeight: 300, overflow: "auto", fontSize: 12 }}>{item.aggregatedOutput ?? ""}</pre>,
          }]}
        />
      );
    case "fileChange":
      return (
        <Collapse size="small" items={(item.changes ?? []).map((c) => ({ key: c.path, label: `${c.kind.type === "add" ? "Added" : c.kind.type === "delete" ? "Deleted" : "Edited"} ${workspacePath(c.path)}`, children: <DiffText patch={changeAsPatch({ kind: c.kind.type, diff: c.diff })} /> }))} />
      );
    default:
      return null;
  }
}

/** The live timeline of one attempt: setup output, turns with their items, errors. */
export function Timeline({ events }: { events: TaskEventMessage[] }) {
  const at = (e: TaskEventMessage) => ({ type: e.type, data: e.data, at: e.at });
  const setup = events.filter((e) => e.type === "setup/output").map((e) => (e.data as { chunk: string }).chunk).join("");
  const errors = events.filter((e) => e.type === "error").map((e) => (e.data as { error?: { message?: string } }).error?.message ?? "Error");
  const turns = rebuildTurns(events.map(at));
  return (
    <Flex vertical gap={12}>
      {setup && <Card size="small" title="Setup"><pre style={{ margin: 0, fontSize: 12 }}>{setup}</pre></Card>}
      {turns.map((turn) => (
        <Card key={turn.id} size="small" title={(turn.items.find((i) => i.type === "userMessage") as { content?: Array<{ text?: string }> } | undefined)?.content?.map((c) => c.text).join(" ") ?? "Turn"} extra={<Tag>{turn.status}</Tag>}>
          <Flex vertical gap={8}>
            {turn.items.map((item) => <ItemView key={item.id} item={item as Item} />)}
          </Flex>
        </Card>
      ))}
      {errors.map((message, i) => <Alert key={i} type="error" message={message} />)}
    </Flex>
  );
}
