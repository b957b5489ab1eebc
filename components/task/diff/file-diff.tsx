"use client";

import { DownOutlined, RightOutlined } from "@ant-design/icons";
import { Button, Flex, Tag, Typography } from "antd";
import { useMemo } from "react";
import { languageOf } from "@/lib/diff/language";
import { splitRows, unifiedRows } from "@/lib/diff/rows";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TDiffFile } from "@/lib/schemas/tasks";
import { useT } from "../../i18n/locale-provider";
import { SplitRows, UnifiedRows } from "./diff-rows";

export type DiffViewMode = "unified" | "split";

export const STATUS_KEYS: Record<TDiffFile["status"], MessageKey> = {
  added: "diff.added",
  modified: "diff.modified",
  deleted: "diff.deleted",
  renamed: "diff.renamed",
  binary: "diff.binaryStatus",
};

interface Props {
  file: TDiffFile;
  anchor: string;
  open: boolean;
  /** Hidden until asked for, because it is too large to render at once. */
  large: boolean;
  view: DiffViewMode;
  highlight: ((text: string, language: string) => string) | null;
  onToggle: (open: boolean) => void;
  onShowLarge: () => void;
}

function FileBody({ file, view, highlight }: Pick<Props, "file" | "view" | "highlight">) {
  const t = useT();
  const unified = useMemo(() => unifiedRows(file.patch), [file.patch]);
  const split = useMemo(() => (view === "split" ? splitRows(unified) : []), [unified, view]);
  const language = languageOf(file.path);
  if (file.status === "binary") return <Typography.Text type="secondary" className="diff-message">{t("diff.binary")}</Typography.Text>;
  if (unified.length === 0) return <Typography.Text type="secondary" className="diff-message">{t("diff.noHunks")}</Typography.Text>;
  return view === "split" ? <SplitRows rows={split} language={language} highlight={highlight} /> : <UnifiedRows rows={unified} language={language} highlight={highlight} />;
}

/** One changed file: a header that folds it, then its lines (or why they are not shown). */
export function FileDiff({ file, anchor, open, large, view, highlight, onToggle, onShowLarge }: Props) {
  const t = useT();
  const status = t(STATUS_KEYS[file.status]);
  const lines = file.additions + file.deletions;
  return (
    <section id={anchor} className="diff-file" aria-label={file.path}>
      <button
        type="button"
        className="diff-file-header"
        aria-expanded={open}
        aria-label={`${file.path} ${status} +${file.additions} −${file.deletions}`}
        onClick={() => onToggle(!open)}
      >
        {open ? <DownOutlined /> : <RightOutlined />}
        <Typography.Text code className="diff-path">{file.path}</Typography.Text>
        <Tag>{status}</Tag>
        <span className="diff-count-add">+{file.additions}</span>
        <span className="diff-count-del">−{file.deletions}</span>
      </button>
      {open && large && (
        <Flex gap={12} align="center" wrap className="diff-message">
          <Typography.Text type="secondary">{t("diff.large", { count: lines.toLocaleString() })}</Typography.Text>
          <Button size="small" onClick={onShowLarge}>{t("diff.show")}</Button>
        </Flex>
      )}
      {open && !large && <FileBody file={file} view={view} highlight={highlight} />}
    </section>
  );
}
