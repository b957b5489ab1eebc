"use client";

import { Tooltip } from "antd";
import { timeAgo } from "@/lib/format/time";
import { useLocale } from "./locale-provider";
import { useNow } from "./use-now";

/** "5 min ago", kept current while the page is open; the exact time on hover. */
export function RelativeTime({ iso }: { iso: string }) {
  const { locale, t } = useLocale();
  const now = useNow(30_000);
  const exact = new Date(iso);
  return (
    <Tooltip title={exact.toLocaleString(locale)}>
      <time dateTime={iso}>{timeAgo(iso, locale, now) ?? t("common.justNow")}</time>
    </Tooltip>
  );
}
