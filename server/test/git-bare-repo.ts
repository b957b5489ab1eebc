import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

const identity = {
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.test",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.test",
};

/** Branch name → its files (one commit each, on top of the first branch's commit). */
export type RepoContent = Record<string, Record<string, string>>;

const git = (cwd: string, ...args: string[]) => run("git", args, { cwd, env: { ...process.env, ...identity } });

/**
 * A bare repository at `dir` (the first branch is its HEAD), accepting pushes over smart HTTP
 * (http.receivepack). Returns `dir`.
 */
export async function makeBareRepo(dir: string, content: RepoContent = { main: { "README.md": "# Remote demo\n" } }): Promise<string> {
  const [first, ...others] = Object.keys(content);
  await run("git", ["init", "--quiet", "--bare", `--initial-branch=${first ?? "main"}`, dir]);
  await git(dir, "config", "http.receivepack", "true");
  if (!first) return dir;
  const work = await mkdtemp(path.join(tmpdir(), "codex-bare-src-"));
  try {
    await git(work, "init", "--quiet", `--initial-branch=${first}`);
    for (const branch of [first, ...others]) {
      if (branch !== first) await git(work, "checkout", "--quiet", "-b", branch, first);
      for (const [name, text] of Object.entries(content[branch]!)) await writeFile(path.join(work, name), text);
      await git(work, "add", "--all");
      await git(work, "commit", "--quiet", "--allow-empty", "-m", `${branch}: initial`);
    }
    await git(work, "push", "--quiet", dir, ...Object.keys(content).map((b) => `refs/heads/${b}:refs/heads/${b}`));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return dir;
}

/** The commit a branch of a bare repository points at. */
export async function branchCommit(dir: string, branch: string): Promise<string> {
  return (await git(dir, "rev-parse", `refs/heads/${branch}`)).stdout.trim();
}

/** Adds a commit on `branch` of a bare repository (as someone pushing to the host would). */
export async function pushCommit(dir: string, branch: string, files: Record<string, string>): Promise<string> {
  const work = await mkdtemp(path.join(tmpdir(), "codex-bare-push-"));
  try {
    await git(work, "clone", "--quiet", "--branch", branch, dir, ".");
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(work, name), text);
    await git(work, "add", "--all");
    await git(work, "commit", "--quiet", "-m", "pushed");
    await git(work, "push", "--quiet", "origin", branch);
    return (await git(work, "rev-parse", "HEAD")).stdout.trim();
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
