import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TDiffStats } from "@/lib/schemas/tasks";
import { git } from "./git";

export interface WorkspaceDiff {
  /** Unified diff against the base commit, untracked files included, binary files as
   * `GIT binary patch` sections, so `git apply` can take it as it is. */
  diff: string;
  stats: TDiffStats;
}

export const EMPTY_STATS: TDiffStats = { filesChanged: 0, linesAdded: 0, linesRemoved: 0 };

/** Parses `git diff --numstat` (binary files count as changed with no lines). */
export function parseNumstat(numstat: string): TDiffStats {
  const stats = { ...EMPTY_STATS };
  for (const line of numstat.split("\n")) {
    const [added, removed] = line.split("\t");
    if (!line.trim() || added === undefined || removed === undefined) continue;
    stats.filesChanged += 1;
    stats.linesAdded += Number(added) || 0;
    stats.linesRemoved += Number(removed) || 0;
  }
  return stats;
}

/**
 * The cumulative change of a workspace against `baseCommit`, through a throwaway index so the
 * agent's own index is left alone.
 */
export async function workspaceDiff(dir: string, baseCommit: string): Promise<WorkspaceDiff> {
  const scratch = await mkdtemp(path.join(tmpdir(), "codex-diff-"));
  const opts = { cwd: dir, env: { GIT_INDEX_FILE: path.join(scratch, "index") } };
  try {
    await git(["add", "--all", "--", "."], opts);
    const args = ["diff", "--cached", "--no-color", "--no-ext-diff", "--find-renames", baseCommit];
    const [diff, numstat] = await Promise.all([git([...args, "--binary"], opts), git([...args, "--numstat"], opts)]);
    return { diff, stats: parseNumstat(numstat) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
