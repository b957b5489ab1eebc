"use client";

import { Collapse, Flex, Tag } from "antd";
import type { ReactNode } from "react";
import { useT } from "../i18n/locale-provider";

interface Props {
  title: ReactNode;
  output: string;
  exitCode?: number | null;
  running?: boolean;
  /** The command waits for the user's approval: it has not started. */
  awaitingApproval?: boolean;
  /** The command was declined and never ran. */
  declined?: boolean;
  defaultOpen?: boolean;
}

/** A command with its output in a dark, scrollable, collapsible terminal pane. */
export function Terminal({ title, output, exitCode, running, awaitingApproval, declined, defaultOpen = !declined }: Props) {
  const t = useT();
  const status = declined ? <Tag>{t("timeline.notRun")}</Tag>
    : awaitingApproval ? <Tag color="warning">{t("timeline.awaitingApproval")}</Tag>
    : running ? <Tag color="processing">{t("timeline.running")}</Tag>
    : exitCode != null && <Tag color={exitCode === 0 ? "success" : "error"}>{t("timeline.exit", { code: exitCode })}</Tag>;
  return (
    <Collapse
      size="small"
      defaultActiveKey={defaultOpen ? ["out"] : []}
      items={[{
        key: "out",
        label: <Flex gap={8} align="center" wrap><code style={{ wordBreak: "break-all" }}>{title}</code>{status}</Flex>,
        styles: { body: { padding: 0 } },
        children: (
          <pre aria-label={t("timeline.output")} style={{ margin: 0, padding: 12, maxHeight: 320, overflow: "auto", fontSize: 12, lineHeight: 1.5, background: "#0d1117", color: "#e6edf3", borderRadius: "0 0 8px 8px", whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
            {output || (running ? "…" : t("timeline.noOutput"))}
          </pre>
        ),
      }]}
    />
  );
}
