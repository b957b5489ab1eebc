import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { execFile } from "node:child_process";
import { lchown, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { env } from "../env";
import { type CommandRunner, GitError } from "../git/git";
import type { EgressPolicy } from "./egress-proxy";
import type { ModelTarget } from "./model-forwarder";
import { openNetwork } from "./network";
import { sandboxRuntime, type SandboxRuntime } from "./runtime";
import type { SandboxFile, SandboxMount, SandboxSpec } from "./spec";
import { taskUid } from "./task-uid";

// One task's sandbox: the uid it runs as, the folders it owns (DATA_DIR/tasks/<id>: attempt
// workspaces, CODEX_HOME, HOME) and how each of its processes is started (setup script,
// app-server, git on a workspace). Each process gets a sandbox of its own over the same folders.

export const SANDBOX_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

export interface SandboxedRun {
  argv: string[];
  cwd: string;
  /** Folders besides the task's own. */
  mounts?: SandboxMount[];
  files?: SandboxFile[];
  env?: Record<string, string>;
  model?: ModelTarget;
  egress?: EgressPolicy;
  /** Spawn in a process group of its own (signals then reach the whole group). */
  detached?: boolean;
  /** Only this folder of the task is visible (git on one workspace), instead of the whole task. */
  only?: string;
}

let counter = 0;

export class TaskSandbox {
  readonly uid: number;
  readonly home: string;
  readonly codexHome: string;
  private prepared?: Promise<void>;

  constructor(
    readonly taskId: string,
    readonly dir: string,
    private readonly runtime: SandboxRuntime = sandboxRuntime(),
  ) {
    this.uid = runtime.ownUids ? taskUid(taskId) : (process.getuid?.() ?? 0);
    this.home = path.join(dir, "home");
    this.codexHome = path.join(dir, "codex-home");
  }

  get driver(): string {
    return this.runtime.driver;
  }

  /** True when the model is reached through the server's forwarder (no key inside). */
  get forwardsModel(): boolean {
    return this.runtime.driver !== "none";
  }

  /**
   * Makes the task's folders (idempotent): the task folder itself stays the server's, read-only
   * inside; its attempt workspaces, CODEX_HOME and HOME are the task's uid's. Every workspace
   * must exist before the app-server starts (it is shown as it is at start: made into, never
   * replaced).
   */
  prepare(workspaces: string[] = []): Promise<void> {
    this.prepared ??= (async () => {
      await mkdir(this.dir, { recursive: true, mode: 0o711 });
      for (const dir of [this.home, this.codexHome, ...workspaces]) {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        if (this.runtime.ownUids) await lchown(dir, this.uid, this.uid);
      }
    })();
    return this.prepared;
  }

  /** What a process of the task sees of its folder: the folder read-only, its workspaces, CODEX_HOME and HOME writable. */
  private async taskMounts(): Promise<SandboxMount[]> {
    const entries = await readdir(this.dir, { withFileTypes: true });
    const writable = [this.home, this.codexHome, ...entries.filter((e) => e.isDirectory() && /^attempt-\d+$/.test(e.name)).map((e) => path.join(this.dir, e.name))];
    return [{ path: this.dir, writable: false }, ...writable.map((p) => ({ path: p, writable: true }))];
  }

  /**
   * Gives a tree the server just made (a fresh clone) to the task's uid. Never called on a tree
   * the task has run in: symbolic links are changed themselves, never followed.
   */
  async adopt(dir: string): Promise<void> {
    if (!this.runtime.ownUids) return;
    await promisify(execFile)("chown", ["-R", "-P", "-h", `${this.uid}:${this.uid}`, "--", dir]);
  }

  /** The environment every process of the task starts from (nothing of the server's). */
  baseEnv(): Record<string, string> {
    return { PATH: SANDBOX_PATH, HOME: this.home, USER: "codex", LOGNAME: "codex", SHELL: "/bin/bash", LANG: "C.UTF-8", TMPDIR: "/tmp", TERM: "dumb" };
  }

  /** Starts a process in a sandbox of its own; its network listeners close when it exits. */
  async spawn(run: SandboxedRun): Promise<ChildProcessWithoutNullStreams> {
    const net = run.model || run.egress ? await openNetwork({ taskId: this.taskId, model: run.model, egress: run.egress }) : null;
    const spec: SandboxSpec = {
      uid: this.uid,
      gid: this.uid,
      mounts: [...(run.only ? [{ path: run.only, writable: true }] : await this.taskMounts()), ...(run.mounts ?? [])],
      files: run.files ?? [],
      cwd: run.cwd,
      env: { ...this.baseEnv(), ...net?.env, ...run.env },
      network: net?.network ?? null,
      limits: { processes: env().SANDBOX_MAX_PROCESSES, memoryBytes: env().SANDBOX_MEMORY_MB * 1024 * 1024 },
    };
    try {
      const child = this.runtime.spawn(spec, run.argv, { name: `${this.taskId}-${++counter}`, detached: run.detached });
      if (net) child.once("exit", () => void net.close());
      return child;
    } catch (error) {
      await net?.close();
      throw error;
    }
  }

  /** Runs commands over one folder of the task (git on a workspace): nothing else, no network. */
  runnerFor(dir: string): CommandRunner {
    return async (argv, opts) => {
      const child = await this.spawn({ argv, cwd: opts.cwd, only: dir, env: { HOME: "/tmp", GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1", LC_ALL: "C" } });
      return collectOutput(child, argv, opts.input);
    };
  }
}

const MAX_OUTPUT = 64 * 1024 * 1024;

/** stdout of a finished command; a non-zero exit rejects with its stderr (GitError, as host git does). */
function collectOutput(child: ChildProcessWithoutNullStreams, argv: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    let size = 0;
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT) child.kill("SIGKILL");
      else out.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8192)));
    child.stdin.on("error", () => undefined);
    child.stdin.end(input);
    child.on("error", reject);
    child.on("close", (code) => {
      const args = argv.slice(argv[0] === "git" ? 1 : 0);
      if (size > MAX_OUTPUT) reject(new GitError(args, "output over 64 MiB", code));
      else if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else reject(new GitError(args, stderr, code));
    });
  });
}
