import type { TDiffStats } from "@/lib/schemas/tasks";
import { type CommandRunner, HARDENED_CONFIG, hostRunner } from "./git";
import { parseNumstatZ, statsOf } from "./numstat";

export interface WorkspaceDiff {
  /** Unified diff against the base commit, untracked files included, binary files as
   * `GIT binary patch` sections, so `git apply` can take it as it is. */
  diff: string;
  stats: TDiffStats;
}

// One run: the diff, a NUL (git never prints one in a diff: files with NULs are binary), the
// NUL-separated numstat (paths as they are, never quoted). Fixed prefixes whatever the
// workspace's diff.noprefix/mnemonicPrefix say, as `git apply` expects. A throwaway index keeps the agent's own index as it is.
const DIFF_SCRIPT = `set -e
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export GIT_INDEX_FILE="$scratch/index"
g() { git ${HARDENED_CONFIG.join(" ")} "$@"; }
g add --all -- .
set -- diff --cached --no-color --no-ext-diff --no-textconv --find-renames --src-prefix=a/ --dst-prefix=b/ "$1"
g "$@" --binary
printf '\\0'
g "$@" --numstat -z`;

/**
 * The cumulative change of a workspace against `baseCommit`. `run` is where it runs: in the
 * task's sandbox for a workspace the agent has used (its .git is the agent's to write).
 */
export async function workspaceDiff(dir: string, baseCommit: string, run: CommandRunner = hostRunner): Promise<WorkspaceDiff> {
  const output = await run(["/bin/sh", "-c", DIFF_SCRIPT, "codex-cloud-diff", baseCommit], { cwd: dir });
  const split = output.indexOf("\0");
  if (split < 0) throw new Error("git diff gave no numstat");
  return { diff: output.slice(0, split), stats: statsOf(parseNumstatZ(output.slice(split + 1))) };
}
