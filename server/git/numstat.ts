import type { TDiffStats } from "@/lib/schemas/tasks";
import { git } from "./git";

export interface NumstatFile {
  /** The path as git reads it: never quoted (`-z`). */
  path: string;
  /** A rename's source. */
  oldPath?: string;
  /** Null for a binary file. */
  additions: number | null;
  deletions: number | null;
}

const count = (n: string) => (n === "-" ? null : Number(n));

/** Parses `git diff --numstat -z` or `git apply --numstat -z`: `A\tD\tPATH\0`, or `A\tD\t\0OLD\0NEW\0` for a rename. */
export function parseNumstatZ(output: string): NumstatFile[] {
  const fields = output.split("\0");
  const files: NumstatFile[] = [];
  for (let i = 0; i < fields.length; i += 1) {
    const match = /^(-|\d+)\t(-|\d+)\t([\s\S]*)$/.exec(fields[i] ?? "");
    if (!match) continue;
    const [, added = "", removed = "", path = ""] = match;
    const file = { additions: count(added), deletions: count(removed) };
    if (path) files.push({ ...file, path });
    else {
      files.push({ ...file, oldPath: fields[i + 1] ?? "", path: fields[i + 2] ?? "" });
      i += 2;
    }
  }
  return files;
}

export function statsOf(files: readonly NumstatFile[]): TDiffStats {
  return {
    filesChanged: files.length,
    linesAdded: files.reduce((s, f) => s + (f.additions ?? 0), 0),
    linesRemoved: files.reduce((s, f) => s + (f.deletions ?? 0), 0),
  };
}

/** The files of `patch` as git itself reads them (nothing is applied). */
export async function patchFiles(cwd: string, patch: string): Promise<NumstatFile[]> {
  return parseNumstatZ(await git(["apply", "--numstat", "-z", "-"], { cwd, input: patch }));
}
