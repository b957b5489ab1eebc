// Turns one file's unified patch into rows to display: unified (one column) and split (old on
// the left, new on the right, deletions paired with the additions that replace them).

export type LineKind = "context" | "add" | "del";

export interface DiffLine {
  kind: LineKind;
  text: string;
  oldNo?: number;
  newNo?: number;
}

export type UnifiedRow = { type: "hunk"; header: string } | { type: "note"; text: string } | ({ type: "line" } & DiffLine);

export type SplitRow =
  | { type: "hunk"; header: string }
  | { type: "note"; text: string }
  | { type: "pair"; left?: DiffLine; right?: DiffLine };

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/** The rows of a patch from its first hunk on (the file header lines are dropped). */
export function unifiedRows(patch: string): UnifiedRow[] {
  const rows: UnifiedRow[] = [];
  let oldNo = 0;
  let newNo = 0;
  let inHunk = false;
  for (const line of patch.replace(/\n$/, "").split("\n")) {
    const hunk = HUNK.exec(line);
    if (hunk) {
      inHunk = true;
      oldNo = Number(hunk[1]);
      newNo = Number(hunk[2]);
      rows.push({ type: "hunk", header: line });
    } else if (!inHunk) continue;
    else if (line.startsWith("+")) rows.push({ type: "line", kind: "add", text: line.slice(1), newNo: newNo++ });
    else if (line.startsWith("-")) rows.push({ type: "line", kind: "del", text: line.slice(1), oldNo: oldNo++ });
    else if (line.startsWith("\\")) rows.push({ type: "note", text: line.slice(2) });
    else rows.push({ type: "line", kind: "context", text: line.slice(1), oldNo: oldNo++, newNo: newNo++ });
  }
  return rows;
}

/** Side-by-side rows: context on both sides, each run of deletions beside the additions after it. */
export function splitRows(unified: readonly UnifiedRow[]): SplitRow[] {
  const rows: SplitRow[] = [];
  let dels: DiffLine[] = [];
  let adds: DiffLine[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(dels.length, adds.length); i += 1) rows.push({ type: "pair", left: dels[i], right: adds[i] });
    dels = [];
    adds = [];
  };
  for (const row of unified) {
    if (row.type === "line" && row.kind === "del") {
      if (adds.length) flush();
      dels.push(row);
    } else if (row.type === "line" && row.kind === "add") adds.push(row);
    else {
      flush();
      rows.push(row.type === "line" ? { type: "pair", left: row, right: row } : row);
    }
  }
  flush();
  return rows;
}
