import { execFile } from "node:child_process";

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

/** Runs a command on the host without a shell; resolves stdout, rejects with GitError. */
export function runHost(argv: string[], opts: GitOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      argv[0]!,
      argv.slice(1),
      { cwd: opts.cwd, env: hostEnv(opts.env) as NodeJS.ProcessEnv, maxBuffer: opts.maxBuffer ?? 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new GitError(argv.slice(argv[0] === "git" ? 1 : 0), String(stderr), typeof error.code === "number" ? error.code : null));
        else resolve(String(stdout));
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
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
