"use client";

import { BranchesOutlined, BulbOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Collapse, Flex, Typography } from "antd";
import { changeAsPatch, workspacePath } from "@/lib/diff/change";
import { displayCommand } from "@/lib/format/command";
import type { MessageKey } from "@/lib/i18n/translate";
import type { Entry, ItemView } from "@/lib/timeline/build";
import { useT } from "../i18n/locale-provider";
import { ApprovalEntry } from "./approval-entry";
import { DiffText } from "./diff-text";
import { Markdown } from "./markdown";
import { PlanView } from "./plan-view";
import { Terminal } from "./terminal";

type Change = { path: string; diff: string; kind: { type: "add" | "update" | "delete" } };
const VERB: Record<Change["kind"]["type"], MessageKey> = { add: "timeline.added", update: "timeline.edited", delete: "timeline.deleted" };
const str = (v: unknown) => (typeof v === "string" ? v : "");

function ItemEntry({ item, awaitingApproval }: { item: ItemView; awaitingApproval: boolean }) {
  const t = useT();
  switch (item.type) {
    case "agentMessage":
      return <Markdown text={str(item.text)} />;
    case "userMessage":
      return (
        <Flex gap={8} align="start">
          <UserOutlined style={{ marginTop: 4, opacity: 0.6 }} aria-label={t("timeline.youAdded")} />
          <Typography.Text style={{ whiteSpace: "pre-wrap" }}>{str(item.text)}</Typography.Text>
        </Flex>
      );
    case "reasoning": {
      const summary = Array.isArray(item.summary) ? (item.summary as string[]).join("\n\n") : "";
      return summary ? (
        <Flex gap={8} align="start">
          <BulbOutlined style={{ marginTop: 4, opacity: 0.6 }} />
          <Typography.Text type="secondary" italic style={{ whiteSpace: "pre-wrap" }}>{summary}</Typography.Text>
        </Flex>
      ) : null;
    }
    case "plan":
      return <Markdown text={str(item.text)} />;
    case "commandExecution":
      return (
        <Terminal title={displayCommand(str(item.command))} output={str(item.aggregatedOutput)} exitCode={item.exitCode as number | null}
          running={item.status === "inProgress"} awaitingApproval={awaitingApproval} declined={item.status === "declined"} />
      );
    case "fileChange": {
      const changes = (item.changes ?? []) as Change[];
      return (
        <Collapse size="small" items={changes.map((c) => ({
          key: c.path,
          label: t(VERB[c.kind.type], { path: workspacePath(c.path) }),
          children: <DiffText patch={changeAsPatch({ kind: c.kind.type, diff: c.diff })} />,
        }))} />
      );
    }
    default:
      return null;
  }
}

/** One thing that happened in a turn; `awaitingApproval` when it is a command the user has yet to approve. */
export function TimelineEntry({ entry, awaitingApproval = false }: { entry: Entry; awaitingApproval?: boolean }) {
  const t = useT();
  switch (entry.kind) {
    case "item":
      return <ItemEntry item={entry.item} awaitingApproval={awaitingApproval} />;
    case "plan":
      return <PlanView explanation={entry.explanation} steps={entry.steps} />;
    case "approval":
      return <ApprovalEntry approval={entry.approval} />;
    case "error":
      return <Alert type="error" showIcon title={entry.message} />;
    case "applied":
      return <Alert type="success" showIcon icon={<BranchesOutlined />} title={t("timeline.applied", { branch: entry.branch })} />;
  }
}
