import type { TDiffStats } from "@/lib/schemas/tasks";
import { type CommandRunner, HARDENED_CONFIG, hostRunner } from "./git";

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

// One run: the diff, a NUL (git never prints one in a diff: files with NULs are binary), the
// numstat. A throwaway index keeps the agent's own index as it is.
const DIFF_SCRIPT = `set -e
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export GIT_INDEX_FILE="$scratch/index"
g() { git ${HARDENED_CONFIG.join(" ")} "$@"; }
g add --all -- .
set -- diff --cached --no-color --no-ext-diff --no-textconv --find-renames "$1"
g "$@" --binary
printf '\\0'
g "$@" --numstat`;

/**
 * The cumulative change of a workspace against `baseCommit`. `run` is where it runs: in the
 * task's sandbox for a workspace the agent has used (its .git is the agent's to write).
 */
export async function workspaceDiff(dir: string, baseCommit: string, run: CommandRunner = hostRunner): Promise<WorkspaceDiff> {
  const output = await run(["/bin/sh", "-c", DIFF_SCRIPT, "codex-cloud-diff", baseCommit], { cwd: dir });
  const split = output.indexOf("\0");
  if (split < 0) throw new Error("git diff gave no numstat");
  return { diff: output.slice(0, split), stats: parseNumstat(output.slice(split + 1)) };
}
