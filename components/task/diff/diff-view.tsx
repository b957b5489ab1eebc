"use client";

import { Alert, Button, Empty, Flex, Grid, Segmented, Skeleton, Space } from "antd";
import { useCallback, useMemo, useState } from "react";
import type { TDiffFile } from "@/lib/schemas/tasks";
import { useT } from "../../i18n/locale-provider";
import { type DiffViewMode, FileDiff } from "./file-diff";
import { FileTree } from "./file-tree";
import { useHighlighter } from "./use-highlighter";
import { useStoredView } from "./use-stored-view";

/** Files past this many lines of change start folded behind a "Show diff" button. */
const LARGE_FILE = 2_000;
/** Files start open until this many changed lines have been rendered; later ones start folded. */
const OPEN_BUDGET = 5_000;

const anchorOf = (index: number) => `diff-file-${index}`;
const sizeOf = (f: TDiffFile) => f.additions + f.deletions;

function initiallyOpen(files: TDiffFile[]): Set<string> {
  const open = new Set<string>();
  let budget = OPEN_BUDGET;
  for (const f of files) {
    if (budget <= 0) break;
    open.add(f.path);
    budget -= Math.min(sizeOf(f), LARGE_FILE);
  }
  return open;
}

interface Props {
  files: TDiffFile[] | undefined;
  loading: boolean;
  error: Error | null;
}

/** The attempt's diff: a file tree beside the files, unified or split, highlighted. */
export function DiffView({ files, loading, error }: Props) {
  const t = useT();
  const wide = Grid.useBreakpoint().md !== false;
  const [stored, setStored] = useStoredView();
  const view: DiffViewMode = wide ? stored : "unified";
  const highlight = useHighlighter()?.highlightLine ?? null;
  const [open, setOpen] = useState<Set<string> | null>(null);
  const [shown, setShown] = useState<Set<string>>(() => new Set());
  const opened = useMemo(() => open ?? initiallyOpen(files ?? []), [open, files]);

  const toggle = useCallback((path: string, value: boolean) => {
    setOpen((current) => {
      const next = new Set(current ?? opened);
      if (value) next.add(path);
      else next.delete(path);
      return next;
    });
  }, [opened]);

  const pick = (path: string) => {
    toggle(path, true);
    const index = files?.findIndex((f) => f.path === path) ?? -1;
    requestAnimationFrame(() => document.getElementById(anchorOf(index))?.scrollIntoView({ block: "start" }));
  };

  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (loading || !files) return <Skeleton active />;
  if (files.length === 0) return <Empty description={t("diff.empty")} />;
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        {wide && (
          <Segmented<DiffViewMode>
            aria-label={t("diff.view")}
            value={view}
            onChange={setStored}
            options={[{ value: "unified", label: t("diff.unified") }, { value: "split", label: t("diff.split") }]}
          />
        )}
        <Button onClick={() => setOpen(new Set(files.map((f) => f.path)))}>{t("diff.expandAll")}</Button>
        <Button onClick={() => setOpen(new Set())}>{t("diff.collapseAll")}</Button>
      </Space>
      <Flex gap={16} align="start">
        {wide && files.length > 1 && <FileTree files={files} onPick={pick} />}
        <Flex vertical gap={12} style={{ minWidth: 0, flex: 1 }}>
          {files.map((f, i) => (
            <FileDiff
              key={f.path}
              file={f}
              anchor={anchorOf(i)}
              open={opened.has(f.path)}
              large={sizeOf(f) > LARGE_FILE && !shown.has(f.path)}
              view={view}
              highlight={highlight}
              onToggle={(value) => toggle(f.path, value)}
              onShowLarge={() => setShown((s) => new Set(s).add(f.path))}
            />
          ))}
        </Flex>
      </Flex>
    </Flex>
  );
}
