"use client";

import { Typography } from "antd";
import type { TDiffStats } from "@/lib/schemas/tasks";
import { useT } from "../i18n/locale-provider";

/** `+a −d · n files`, green and red like a code host. */
export function DiffStats({ stats }: { stats: TDiffStats }) {
  const t = useT();
  return (
    <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
      <span style={{ color: "#2da44e" }}>+{stats.linesAdded}</span> <span style={{ color: "#cf222e" }}>−{stats.linesRemoved}</span> ·{" "}
      {t("common.files", { count: stats.filesChanged })}
    </Typography.Text>
  );
}
