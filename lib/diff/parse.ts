import type { TDiffFile } from "../schemas/tasks";

/** Splits a `git diff` into files with their status and line counts. Browser-safe. */
export function splitDiff(diff: string): TDiffFile[] {
  const files: TDiffFile[] = [];
  const chunks = diff.split(/^(?=diff --git )/m).filter((c) => c.startsWith("diff --git "));
  for (const patch of chunks) {
    const lines = patch.split("\n");
    const header = lines[0] ?? "";
    const newPath = lines.find((l) => l.startsWith("+++ b/"))?.slice(6);
    const oldPath = lines.find((l) => l.startsWith("--- a/"))?.slice(6);
    const renamed = lines.find((l) => l.startsWith("rename to "))?.slice(10);
    const fromHeader = header.match(/^diff --git a\/.* b\/(.*)$/)?.[1];
    let additions = 0;
    let deletions = 0;
    let inHunk = false;
    for (const line of lines) {
      if (line.startsWith("@@")) inHunk = true;
      else if (inHunk && line.startsWith("+")) additions += 1;
      else if (inHunk && line.startsWith("-")) deletions += 1;
    }
    files.push({
      path: renamed ?? newPath ?? oldPath ?? fromHeader ?? "",
      status: fileStatus(lines),
      additions,
      deletions,
      patch,
    });
  }
  return files;
}

function fileStatus(lines: string[]): TDiffFile["status"] {
  if (lines.some((l) => l.startsWith("Binary files ") || l === "GIT binary patch")) return "binary";
  if (lines.some((l) => l.startsWith("new file mode"))) return "added";
  if (lines.some((l) => l.startsWith("deleted file mode"))) return "deleted";
  if (lines.some((l) => l.startsWith("rename to "))) return "renamed";
  return "modified";
}
