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

/** Runs git without a shell; never prompts; resolves stdout, rejects with GitError. */
export function git(args: string[], opts: GitOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "git",
      args,
      {
        cwd: opts.cwd,
        env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", ...opts.env },
        maxBuffer: opts.maxBuffer ?? 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) reject(new GitError(args, String(stderr), typeof error.code === "number" ? error.code : null));
        else resolve(String(stdout));
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
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
