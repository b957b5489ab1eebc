"use client";

import { Typography } from "antd";
import type { TDiffStats } from "@/lib/schemas/tasks";

/** `+a −d · n files`, green and red like a code host. */
export function DiffStats({ stats }: { stats: TDiffStats }) {
  return (
    <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
      <span style={{ color: "#2da44e" }}>+{stats.linesAdded}</span> <span style={{ color: "#cf222e" }}>−{stats.linesRemoved}</span> ·{" "}
      {stats.filesChanged} {stats.filesChanged === 1 ? "file" : "files"}
    </Typography.Text>
  );
}
