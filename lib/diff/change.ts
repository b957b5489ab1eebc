import type { TApprovalChange } from "../schemas/approvals";

/** A file change as a unified-looking patch: codex gives added/deleted files as plain content. */
export function changeAsPatch(change: Pick<TApprovalChange, "kind" | "diff">): string {
  if (change.kind === "update") return change.diff;
  const sign = change.kind === "add" ? "+" : "-";
  return change.diff.replace(/\n$/, "").split("\n").map((line) => `${sign}${line}`).join("\n");
}

/** The path inside the attempt's workspace (codex reports absolute paths). */
export function workspacePath(p: string): string {
  return p.replace(/^.*\/attempt-\d+\//, "");
}
