import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import { childEnv } from "../../server/runner/child-env";
import { resolveCodexBinary } from "../../server/runner/codex-binary";
import { writeCodexHome } from "../../server/runner/codex-home";

// The baseline: a bare JSON-RPC client of the same native codex binary over stdio, with a
// CODEX_HOME of its own pointing at a demo model — no database, no event log, no sockets.

export type Notification = { method: string; params: Record<string, unknown> };

export class RawCodex {
  private nextId = 1;
  private readonly pending = new Map<number, (message: Record<string, unknown>) => void>();
  private listener: (n: Notification) => void = () => {};

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    readline.createInterface({ input: child.stdout, crlfDelay: Infinity }).on("line", (line) => {
      const message = JSON.parse(line) as Record<string, unknown>;
      if ("method" in message && "id" in message) this.write({ id: message.id, result: { decision: "accept" } });
      else if ("method" in message) this.listener(message as unknown as Notification);
      else this.pending.get(message.id as number)?.(message);
    });
    child.stderr.resume();
  }

  /** Spawns `codex app-server` (resolves once the process has started). */
  static async spawn(opts: { cwd: string; env: Record<string, string> }): Promise<RawCodex> {
    const binary = resolveCodexBinary();
    const child = spawn(binary.command, [...binary.prefixArgs, "app-server"], { cwd: opts.cwd, env: childEnv({ binary, extra: opts.env }) as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe"] });
    await once(child, "spawn");
    return new RawCodex(child);
  }

  onNotification(listener: (n: Notification) => void): void {
    this.listener = listener;
  }

  async request(method: string, params: unknown): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const response = await new Promise<Record<string, unknown>>((resolve) => {
      this.pending.set(id, resolve);
      this.write({ id, method, params });
    });
    this.pending.delete(id);
    if (response.error) throw new Error(`${method}: ${JSON.stringify(response.error)}`);
    return response.result as Record<string, unknown>;
  }

  notify(method: string): void {
    this.write({ method });
  }

  async initialize(): Promise<void> {
    await this.request("initialize", { clientInfo: { name: "bench", title: "bench", version: "0" }, capabilities: null });
    this.notify("initialized");
  }

  async startThread(cwd: string): Promise<string> {
    const { thread } = (await this.request("thread/start", { cwd, approvalPolicy: "untrusted", sandbox: "workspace-write" })) as { thread: { id: string } };
    return thread.id;
  }

  startTurn(threadId: string, text: string): Promise<Record<string, unknown>> {
    return this.request("turn/start", { threadId, input: [{ type: "text", text, text_elements: [] }] });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once("exit", () => resolve());
      this.child.stdin.end();
      setTimeout(() => this.child.kill("SIGKILL"), 3000).unref();
    });
  }

  private write(message: object): void {
    this.child.stdin.write(`${JSON.stringify(message)}\n`);
  }
}

/** A git repository (one commit) and a CODEX_HOME for the demo model at `modelUrl`, under `dir`. */
export async function rawWorkspace(dir: string, modelUrl: string): Promise<{ repo: string; env: Record<string, string> }> {
  const repo = path.join(dir, "repo");
  await mkdir(repo, { recursive: true });
  makeGitRepo(repo);
  const home = await writeCodexHome({ dir: path.join(dir, "codex-home"), provider: { provider: "demo", baseUrl: modelUrl } });
  return { repo, env: home.env };
}

/** `git init` with README.md committed on main. */
export function makeGitRepo(dir: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "bench@example.test", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "bench@example.test" };
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env });
  git("init", "--quiet", "--initial-branch=main");
  writeFileSync(path.join(dir, "README.md"), "# Bench repo\n");
  git("add", "--all");
  git("commit", "--quiet", "-m", "initial");
}
