import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { lchown, mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { type CommandRunner, git } from "../git/git";
import { OutputCap } from "./output-cap";

export interface Workspace {
  path: string;
  baseCommit: string;
}

/**
 * A private clone of the environment's repository at `branch`, for one attempt. A clone (not a
 * linked worktree) keeps the attempt's .git inside the folder the sandbox lets the agent write,
 * and leaves the user's repository untouched. Objects are copied, not hard-linked: the clone is
 * then given to the task's uid, which must not own (and could rewrite) the repository's files.
 * A remote environment's workspace is cloned from its mirror (`repo`), and its `origin` then
 * names the remote's URL (`origin`), which never carries a credential.
 */
export async function createWorkspace(opts: { repo: string; branch: string; dir: string; origin?: string }): Promise<Workspace> {
  await emptyDir(opts.dir);
  await git(["clone", "--quiet", "--no-hardlinks", "--no-tags", "--single-branch", "--branch", opts.branch, "--", opts.repo, opts.dir], {
    cwd: path.dirname(opts.dir),
  });
  if (opts.origin) await git(["remote", "set-url", "origin", opts.origin], { cwd: opts.dir });
  const baseCommit = (await git(["rev-parse", "HEAD"], { cwd: opts.dir })).trim();
  return { path: opts.dir, baseCommit };
}

/**
 * Makes `dir` an empty folder of the server's, keeping it if it exists: a running sandbox shows
 * the folder itself, and would not see a new one made in its place. Never follows a link.
 */
async function emptyDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(dir)) await rm(path.join(dir, entry), { recursive: true, force: true });
  if (process.getuid?.() === 0) await lchown(dir, 0, 0);
}

/** Whether `dir` holds a workspace (archiving removes them; a follow-up restores them). */
export const hasWorkspace = (dir: string) => existsSync(path.join(dir, ".git"));

export async function removeWorkspace(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export interface SetupResult {
  exitCode: number | null;
  /** True when `signal` ended the script. */
  stopped: boolean;
}

export const setupCommand = (script: string) => ["bash", "-e", "-o", "pipefail", "-c", script];

/**
 * Runs the environment's setup script (started by `start`, in the task's sandbox); `onOutput`
 * receives the output as it arrives (stdout and stderr interleaved), at most `maxOutputBytes` of
 * it: the first half as it comes, the last half at the end after an "[… N bytes omitted …]"
 * marker. Past `timeoutMs`, or when `signal` aborts, the whole process tree is killed: the
 * sandbox's PID namespace, or the process group. Resolves with the exit code.
 */
export async function runSetupScript(opts: {
  script: string;
  start: (argv: string[]) => Promise<ChildProcess>;
  timeoutMs: number;
  maxOutputBytes: number;
  onOutput: (chunk: string) => void;
  signal?: AbortSignal;
}): Promise<SetupResult> {
  const cap = new OutputCap(opts.maxOutputBytes, opts.onOutput);
  const collect = (chunk: Buffer | string) => cap.write(chunk);
  let child: ChildProcess;
  try {
    child = await opts.start(setupCommand(opts.script));
  } catch (error) {
    collect(`\n${(error as Error).message}\n`);
    cap.end();
    return { exitCode: null, stopped: false };
  }
  child.stdin?.end();
  return new Promise((resolve) => {
    let stopped = false;
    const stop = () => {
      stopped = true;
      collect("\nSetup script stopped.\n");
      killTree(child);
    };
    if (opts.signal?.aborted) stop();
    opts.signal?.addEventListener("abort", stop, { once: true });
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    const timer = setTimeout(() => {
      collect(`\nSetup script timed out after ${Math.round(opts.timeoutMs / 1000)} s.\n`);
      killTree(child);
    }, opts.timeoutMs);
    child.on("error", (error) => collect(`\n${error.message}\n`));
    child.on("close", (code) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", stop);
      cap.end();
      resolve({ exitCode: code, stopped });
    });
  });
}

/** SIGKILL to the child's process group when it leads one, else to the child. */
function killTree(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}

/**
 * Brings back an attempt's workspace that was cleaned up (archived task): a clone at the base
 * commit with the attempt's stored diff applied, so its thread can go on where it stopped. The
 * diff is the agent's work, so it is applied where the agent runs (`run`), after `adopt`.
 */
export async function restoreWorkspace(opts: {
  repo: string;
  origin?: string;
  branch: string;
  baseCommit: string;
  dir: string;
  diff: string;
  adopt: (dir: string) => Promise<void>;
  run: CommandRunner;
}): Promise<void> {
  await createWorkspace({ repo: opts.repo, origin: opts.origin, branch: opts.branch, dir: opts.dir });
  await git(["checkout", "--quiet", "--detach", opts.baseCommit], { cwd: opts.dir });
  await opts.adopt(opts.dir);
  if (opts.diff.trim()) await opts.run(["git", "apply", "--whitespace=nowarn", "-"], { cwd: opts.dir, input: opts.diff });
}
