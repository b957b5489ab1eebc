import { spawn } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { git } from "../git/git";

export interface Workspace {
  path: string;
  baseCommit: string;
}

/**
 * A private clone of the environment's repository at `branch`, for one attempt. A clone (not a
 * linked worktree) keeps the attempt's .git inside the folder the sandbox lets the agent write,
 * and leaves the user's repository untouched; local clones hard-link objects, so it is cheap.
 */
export async function createWorkspace(opts: { repo: string; branch: string; dir: string }): Promise<Workspace> {
  await mkdir(path.dirname(opts.dir), { recursive: true });
  await rm(opts.dir, { recursive: true, force: true });
  await git(["clone", "--quiet", "--no-tags", "--single-branch", "--branch", opts.branch, "--", opts.repo, opts.dir], {
    cwd: path.dirname(opts.dir),
  });
  const baseCommit = (await git(["rev-parse", "HEAD"], { cwd: opts.dir })).trim();
  return { path: opts.dir, baseCommit };
}

export async function removeWorkspace(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export interface SetupResult {
  exitCode: number | null;
  output: string;
}

/**
 * Runs the environment's setup script with bash in the workspace; `onOutput` receives the
 * output as it arrives (stdout and stderr interleaved). Resolves with the exit code.
 */
export function runSetupScript(opts: {
  script: string;
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  onOutput: (chunk: string) => void;
}): Promise<SetupResult> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["-e", "-o", "pipefail", "-c", opts.script], {
      cwd: opts.cwd,
      env: opts.env as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      opts.onOutput(text);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => {
      collect(Buffer.from(`\nSetup script timed out after ${Math.round(opts.timeoutMs / 1000)} s.\n`));
      child.kill("SIGKILL");
    }, opts.timeoutMs);
    child.on("error", (error) => collect(Buffer.from(`\n${error.message}\n`)));
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, output });
    });
  });
}

/**
 * Brings back an attempt's workspace that was cleaned up (archived task): a clone at the base
 * commit with the attempt's stored diff applied, so its thread can go on where it stopped.
 */
export async function restoreWorkspace(opts: { repo: string; branch: string; baseCommit: string; dir: string; diff: string }): Promise<void> {
  await createWorkspace({ repo: opts.repo, branch: opts.branch, dir: opts.dir });
  await git(["checkout", "--quiet", "--detach", opts.baseCommit], { cwd: opts.dir });
  if (opts.diff.trim()) await git(["apply", "--whitespace=nowarn", "-"], { cwd: opts.dir, input: opts.diff });
}
