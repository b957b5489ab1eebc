// Builds the `apply_patch` heredoc that codex turns into a fileChange item (and, under
// `untrusted`, a file-change approval). Format: codex's "*** Begin Patch" grammar.

export type PatchOp =
  | { op: "add"; path: string; content: string }
  /** A hunk with no context lines: codex appends the lines at the end of the file. */
  | { op: "append"; path: string; content: string }
  | { op: "delete"; path: string };

function plusLines(content: string): string[] {
  return content.replace(/\n$/, "").split("\n").map((line) => `+${line}`);
}

function opLines(op: PatchOp): string[] {
  switch (op.op) {
    case "add":
      return [`*** Add File: ${op.path}`, ...plusLines(op.content)];
    case "append":
      return [`*** Update File: ${op.path}`, "@@", ...plusLines(op.content)];
    case "delete":
      return [`*** Delete File: ${op.path}`];
  }
}

/** Every content line starts with "+", so no line can end the heredoc early. */
export function applyPatchCommand(ops: PatchOp[]): string {
  const body = ["*** Begin Patch", ...ops.flatMap(opLines), "*** End Patch"];
  return `apply_patch <<'EOF'\n${body.join("\n")}\nEOF\n`;
}
