import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import readline from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import type { ClientNotification } from "../generated/codex-protocol/ClientNotification";
import { childEnv } from "./child-env";
import { resolveCodexBinary, type CodexBinary } from "./codex-binary";
import { LineTail } from "./line-tail";
import { Listeners } from "./listeners";
import { CodexPeerError, describeExit, type CodexExit } from "./peer-error";
import type { ClientMethod, ClientParams, ClientResult, RequestId, RpcErrorBody, RpcResponse, ServerNotification, ServerRequest, ServerRequestResult } from "./rpc-types";

export interface CodexPeerOptions {
  /** Working directory of the app-server process. */
  cwd: string;
  /** Added to the child's small inherited environment: CODEX_HOME, provider keys (codex-home.ts). */
  env?: Record<string, string>;
  /** Extra arguments after `app-server`, e.g. ["-c", "key=value"]. */
  args?: string[];
  binary?: CodexBinary;
  /** Default timeout of each request in ms; 0 waits forever. Default 30 000. */
  requestTimeoutMs?: number;
  /** Lines of stderr kept for exit reports. Default 40. */
  stderrLines?: number;
  /**
   * Starts the process some other way than a plain spawn (the task's sandbox): gets the command
   * line and the variables codex needs, resolves once the process has spawned.
   */
  launcher?: AppServerLauncher;
}

export type AppServerLauncher = (argv: string[], env: Record<string, string>) => Promise<ChildProcessWithoutNullStreams>;

interface Pending {
  method: string;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/** Wait for stdio to close after the process exits, at most this long (a grandchild may hold it). */
const CLOSE_AFTER_EXIT_MS = 1000;

/**
 * One `codex app-server` child speaking newline-delimited JSON-RPC over stdio. Requests are
 * matched to responses by id; notifications and server→client requests (approvals) go to their
 * own listeners. When the process ends, every pending request is rejected and `exited` resolves.
 */
export class CodexPeer {
  readonly exited: Promise<CodexExit>;
  private exit: CodexExit | null = null;
  private nextId = 1;
  private readonly pending = new Map<RequestId, Pending>();
  private readonly notifications = new Listeners<ServerNotification>();
  private readonly serverRequests = new Listeners<ServerRequest>();
  private readonly exits = new Listeners<CodexExit>();
  private readonly stderr: LineTail;
  private readonly requestTimeoutMs: number;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    opts: CodexPeerOptions,
  ) {
    this.requestTimeoutMs = opts.requestTimeoutMs ?? 30_000;
    this.stderr = new LineTail(opts.stderrLines ?? 40);
    let resolveExited!: (exit: CodexExit) => void;
    this.exited = new Promise((resolve) => (resolveExited = resolve));
    this.exits.add(resolveExited);
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => this.stderr.push(chunk));
    child.stdin.on("error", () => undefined);
    readline.createInterface({ input: child.stdout, crlfDelay: Infinity }).on("line", (line) => this.onLine(line));
    child.on("exit", (code, signal) => {
      const timer = setTimeout(() => this.finish({ code, signal }), CLOSE_AFTER_EXIT_MS);
      child.once("close", () => (clearTimeout(timer), this.finish({ code, signal })));
    });
    child.on("error", (error) => this.finish({ code: null, signal: null, error }));
  }

  /** Spawns `codex app-server`; rejects when the executable cannot be started. */
  static async spawn(opts: CodexPeerOptions): Promise<CodexPeer> {
    const binary = opts.binary ?? resolveCodexBinary();
    const argv = [binary.command, ...binary.prefixArgs, "app-server", ...(opts.args ?? [])];
    if (opts.launcher) return new CodexPeer(await opts.launcher(argv, { ...binary.env, NO_COLOR: "1", ...opts.env }), opts);
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: opts.cwd,
      env: childEnv({ binary, extra: opts.env }) as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe"],
      detached: process.platform !== "win32",
    });
    await once(child, "spawn");
    return new CodexPeer(child, opts);
  }

  /** The app-server's process id (for RSS measurement and signals). */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  onNotification(listener: (notification: ServerNotification) => void): () => void {
    return this.notifications.add(listener);
  }

  /** Server→client requests (approvals, user input, ...). Answer each with respond/respondError. */
  onServerRequest(listener: (request: ServerRequest) => void): () => void {
    return this.serverRequests.add(listener);
  }

  onExit(listener: (exit: CodexExit) => void): () => void {
    if (this.exit) queueMicrotask(() => listener(this.exit as CodexExit));
    return this.exits.add(listener);
  }

  request<M extends ClientMethod>(method: M, params: ClientParams<M>, opts: { timeoutMs?: number } = {}): Promise<ClientResult<M>> {
    if (this.exit) return Promise.reject(this.exitedError(method));
    const id = this.nextId++;
    const timeoutMs = opts.timeoutMs ?? this.requestTimeoutMs;
    return new Promise<ClientResult<M>>((resolve, reject) => {
      const pending: Pending = { method, resolve: resolve as (result: unknown) => void, reject };
      if (timeoutMs > 0) {
        pending.timer = setTimeout(() => {
          this.pending.delete(id);
          reject(new CodexPeerError("timeout", `codex app-server did not answer ${method} within ${timeoutMs} ms`, { method }));
        }, timeoutMs);
      }
      this.pending.set(id, pending);
      this.write({ id, method, params });
    });
  }

  notify(method: ClientNotification["method"]): boolean {
    return this.write({ method });
  }

  /** Answers a server request; false when the process is gone. */
  respond(id: RequestId, result: ServerRequestResult): boolean {
    return this.write({ id, result });
  }

  respondError(id: RequestId, error: RpcErrorBody): boolean {
    return this.write({ id, error });
  }

  /** Sends a signal to the app-server's process group (it and the commands it started). */
  kill(signal: NodeJS.Signals = "SIGKILL"): void {
    if (this.exit) return;
    try {
      process.kill(process.platform === "win32" ? this.pid : -this.pid, signal);
    } catch {
      this.child.kill(signal);
    }
  }

  /** Closes stdin, then SIGTERM after `graceMs`, then SIGKILL after another `graceMs`. */
  async close(opts: { graceMs?: number } = {}): Promise<CodexExit> {
    const graceMs = opts.graceMs ?? 3000;
    this.child.stdin.end();
    for (const signal of ["SIGTERM", "SIGKILL"] as const) {
      const done = await Promise.race([this.exited, sleep(graceMs, null)]);
      if (done) return done;
      this.kill(signal);
    }
    return this.exited;
  }

  private write(message: object): boolean {
    if (this.exit || !this.child.stdin.writable) return false;
    this.child.stdin.write(`${JSON.stringify(message)}\n`);
    return true;
  }

  private onLine(line: string): void {
    if (!line.trim()) return;
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(line) as Record<string, unknown>;
    } catch {
      this.stderr.add(`[unparseable stdout] ${line.slice(0, 500)}`);
      return;
    }
    if ("method" in message && "id" in message) this.handleServerRequest(message as unknown as ServerRequest);
    else if ("method" in message) this.notifications.emit(message as unknown as ServerNotification);
    else if ("id" in message) this.onResponse(message as unknown as RpcResponse);
  }

  private handleServerRequest(request: ServerRequest): void {
    if (this.serverRequests.size > 0) return this.serverRequests.emit(request);
    this.respondError(request.id, { code: -32601, message: `No handler for ${request.method}` });
  }

  private onResponse(response: RpcResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    clearTimeout(pending.timer);
    if ("error" in response) {
      const { method } = pending;
      pending.reject(new CodexPeerError("rpc", `${method} failed: ${response.error.message}`, { method, rpc: response.error }));
    } else pending.resolve(response.result);
  }

  private exitedError(method?: string): CodexPeerError {
    const exit = this.exit as CodexExit;
    return new CodexPeerError("exited", describeExit(exit), { method, exit });
  }

  private finish(status: Omit<CodexExit, "stderrTail">): void {
    if (this.exit) return;
    this.exit = { ...status, stderrTail: this.stderr.snapshot() };
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      this.pending.delete(id);
      pending.reject(this.exitedError(pending.method));
    }
    this.exits.emit(this.exit);
  }
}
