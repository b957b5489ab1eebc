"use client";

import { memo, useMemo } from "react";
import type { DiffLine, SplitRow, UnifiedRow } from "@/lib/diff/rows";
import { VirtualRows } from "./virtual-rows";

export const ROW_HEIGHT = 20;
const SIGN = { add: "+", del: "-", context: " " } as const;

type Highlight = ((text: string, language: string) => string) | null;

interface CodeProps {
  line: DiffLine;
  language: string | null;
  highlight: Highlight;
}

/** The sign and the code of one line, highlighted when a grammar is loaded. */
const Code = memo(function Code({ line, language, highlight }: CodeProps) {
  const html = highlight && language && line.text ? highlight(line.text, language) : null;
  return (
    <span className="diff-code" title={line.text.length > 120 ? line.text : undefined}>
      <span className="diff-sign">{SIGN[line.kind]}</span>
      {html ? <span dangerouslySetInnerHTML={{ __html: html }} /> : <span>{line.text}</span>}
    </span>
  );
});

function Marker({ row }: { row: { type: "hunk"; header: string } | { type: "note"; text: string } }) {
  return row.type === "hunk" ? <div className="diff-row diff-hunk">{row.header}</div> : <div className="diff-row diff-note">{row.text}</div>;
}

interface RowsProps<R> {
  rows: readonly R[];
  language: string | null;
  highlight: Highlight;
}

export function UnifiedRows({ rows, language, highlight }: RowsProps<UnifiedRow>) {
  return (
    <div className="diff-body diff-unified">
      <div className="diff-rows">
      <VirtualRows
        count={rows.length}
        rowHeight={ROW_HEIGHT}
        render={(i) => {
          const row = rows[i]!;
          if (row.type !== "line") return <Marker key={i} row={row} />;
          return (
            <div key={i} className={`diff-row diff-${row.kind}`}>
              <span className="diff-no" data-no={row.oldNo ?? ""} />
              <span className="diff-no" data-no={row.newNo ?? ""} />
              <Code line={row} language={language} highlight={highlight} />
            </div>
          );
        }}
      />
      </div>
    </div>
  );
}

function Side({ line, side, language, highlight }: { line?: DiffLine; side: "old" | "new" } & Omit<CodeProps, "line">) {
  if (!line) return <><span className="diff-no diff-blank" /><span className="diff-code diff-blank" /></>;
  const kind = line.kind === "context" ? "context" : line.kind;
  return (
    <>
      <span className={`diff-no diff-${kind}`} data-no={(side === "old" ? line.oldNo : line.newNo) ?? ""} />
      <span className={`diff-cell diff-${kind}`}><Code line={line} language={language} highlight={highlight} /></span>
    </>
  );
}

export function SplitRows({ rows, language, highlight }: RowsProps<SplitRow>) {
  const props = useMemo(() => ({ language, highlight }), [language, highlight]);
  return (
    <div className="diff-body diff-split">
      <VirtualRows
        count={rows.length}
        rowHeight={ROW_HEIGHT}
        render={(i) => {
          const row = rows[i]!;
          if (row.type !== "pair") return <Marker key={i} row={row} />;
          return (
            <div key={i} className="diff-row diff-pair">
              <Side line={row.left} side="old" {...props} />
              <Side line={row.right} side="new" {...props} />
            </div>
          );
        }}
      />
    </div>
  );
}
