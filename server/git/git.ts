import { spawn } from "node:child_process";

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(`git ${args[0] ?? ""} failed: ${stderr.trim() || `exit ${exitCode}`}`);
    this.name = "GitError";
  }
}

export interface GitOptions {
  cwd: string;
  env?: Record<string, string>;
  input?: string;
  maxBuffer?: number;
  /** Past this, the command and every process it started are killed (GitError "timed out"). */
  timeoutMs?: number;
}

/**
 * Settings every git run by the server carries, over any a repository sets for itself: no hooks,
 * no fsmonitor command, no `ext::` transport. Host git only ever touches the environments'
 * repositories and fresh clones; git on a workspace a task has run in runs in its sandbox.
 */
export const HARDENED_CONFIG = ["-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false", "-c", "protocol.ext.allow=never"];

/** The server's environment less git's own variables (GIT_DIR, GIT_CONFIG_*, ...), never prompting. */
function hostEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith("GIT_")) env[name] = value;
  return { ...env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", ...extra };
}

/**
 * Runs a command on the host without a shell; resolves stdout, rejects with GitError. With
 * `timeoutMs` the command leads a process group of its own (git starts helpers: ssh,
 * git-remote-https), all of which are killed when the time is up.
 */
export function runHost(argv: string[], opts: GitOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = argv.slice(argv[0] === "git" ? 1 : 0);
    const max = opts.maxBuffer ?? 64 * 1024 * 1024;
    const child = spawn(argv[0]!, argv.slice(1), { cwd: opts.cwd, env: hostEnv(opts.env) as NodeJS.ProcessEnv, detached: opts.timeoutMs !== undefined });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let failure: string | null = null;
    const kill = (why: string) => {
      failure ??= why;
      try {
        if (opts.timeoutMs !== undefined) process.kill(-child.pid!, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) kill("output too large");
      else into.push(chunk);
    };
    child.stdout.on("data", collect(out));
    child.stderr.on("data", collect(err));
    const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => kill(`timed out after ${Math.round(opts.timeoutMs! / 100) / 10} s`), opts.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new GitError(args, error.message, null));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (failure) reject(new GitError(args, failure, code));
      else if (code !== 0) reject(new GitError(args, Buffer.concat(err).toString(), code));
      else resolve(Buffer.concat(out).toString());
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(opts.input);
  });
}

/** Runs git on the host, hardened; never prompts; resolves stdout, rejects with GitError. */
export function git(args: string[], opts: GitOptions): Promise<string> {
  return runHost(["git", ...HARDENED_CONFIG, ...args], opts).catch((error: unknown) => {
    throw error instanceof GitError ? new GitError(args, error.stderr, error.exitCode) : error;
  });
}

/** Like git() but answers false instead of throwing on a non-zero exit. */
export async function gitOk(args: string[], opts: GitOptions): Promise<boolean> {
  try {
    await git(args, opts);
    return true;
  } catch (error) {
    if (error instanceof GitError) return false;
    throw error;
  }
}

/** Runs a command where a workspace's git may run: on the host, or in the task's sandbox. */
export type CommandRunner = (argv: string[], opts: { cwd: string; input?: string }) => Promise<string>;

export const hostRunner: CommandRunner = (argv, opts) => runHost(argv, opts);
