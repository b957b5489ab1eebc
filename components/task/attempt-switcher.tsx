"use client";

import { CheckCircleFilled, CloseCircleFilled, LoadingOutlined, MinusCircleOutlined } from "@ant-design/icons";
import { Segmented } from "antd";
import type { ReactNode } from "react";
import type { TAttempt } from "@/lib/schemas/tasks";
import { useT } from "../i18n/locale-provider";

const ICON: Record<TAttempt["status"], ReactNode> = {
  queued: <LoadingOutlined />,
  running: <LoadingOutlined />,
  completed: <CheckCircleFilled style={{ color: "#2da44e" }} />,
  failed: <CloseCircleFilled style={{ color: "#cf222e" }} />,
  cancelled: <MinusCircleOutlined />,
};

/** Best-of-N: one tab per attempt with its state and diff size. */
export function AttemptSwitcher({ attempts, value, onChange }: { attempts: TAttempt[]; value: number; onChange: (index: number) => void }) {
  const t = useT();
  return (
    <Segmented
      aria-label={t("timeline.attempt")}
      value={value}
      onChange={(v) => onChange(Number(v))}
      style={{ maxWidth: "100%", overflowX: "auto" }}
      options={attempts.map((a) => ({
        value: a.index,
        icon: ICON[a.status],
        label: t("timeline.attemptTab", { number: a.index + 1, added: a.diffStats.linesAdded, removed: a.diffStats.linesRemoved }),
      }))}
    />
  );
}
