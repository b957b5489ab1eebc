import { parsePatch } from "diff";
import type { TDiffFile } from "../schemas/tasks";

/** A git path without its `a/`/`b/` prefix; undefined for /dev/null or no name. */
const gitPath = (name: string | undefined) => (name && name !== "/dev/null" ? name.replace(/^[ab]\//, "") : undefined);

function describe(patch: string): Omit<TDiffFile, "patch"> {
  const [file] = parsePatch(patch);
  const lines = file?.hunks.flatMap((h) => h.lines) ?? [];
  const binary = Boolean(file?.isBinary) || /^GIT binary patch$/m.test(patch);
  return {
    path: gitPath(file?.newFileName) ?? gitPath(file?.oldFileName) ?? "",
    status: binary ? "binary" : file?.isCreate ? "added" : file?.isDelete ? "deleted" : file?.isRename ? "renamed" : "modified",
    additions: lines.filter((l) => l.startsWith("+")).length,
    deletions: lines.filter((l) => l.startsWith("-")).length,
  };
}

/**
 * Splits a `git diff` into files with their status and line counts (jsdiff's `parsePatch`
 * reads each file, C-quoted paths included); each keeps its own patch text. Browser-safe.
 */
export function splitDiff(diff: string): TDiffFile[] {
  const chunks = diff.split(/^(?=diff --git )/m).filter((c) => c.startsWith("diff --git "));
  return chunks.map((patch) => ({ ...describe(patch), patch }));
}
