import type { TApprovalChange, TApprovalDecision } from "@/lib/schemas/approvals";
import type { AskForApproval } from "../generated/codex-protocol/v2/AskForApproval";
import type { SandboxMode } from "../generated/codex-protocol/v2/SandboxMode";
import type { ThreadItem } from "../generated/codex-protocol/v2/ThreadItem";
import type { Prisma } from "../generated/prisma/client";
import { logger } from "../logger";
import { interruptTurn, openCodex, resumeThread, startThread, startTurn } from "./codex-client";
import type { CodexPeer } from "./codex-peer";
import type { CodexExit } from "./peer-error";
import type { RequestId, ServerNotification, ServerRequest } from "./rpc-types";
import { eventThreadId, toRunnerEvent } from "./codex-events";
import { recordEvent } from "./task-state";

export interface ThreadSettings {
  approvalPolicy: AskForApproval;
  sandbox: SandboxMode;
}

interface AttemptRun {
  index: number;
  threadId: string;
  cwd: string;
  /** The codex id of the turn in progress, once known. */
  turnId?: string;
  running: boolean;
}

export interface ApprovalRequest {
  rpcId: RequestId;
  attempt: number;
  kind: "command" | "fileChange";
  threadId: string;
  turnId: string;
  itemId: string;
  command?: string;
  cwd?: string;
  reason?: string;
  changes?: TApprovalChange[];
}

export interface TaskProcessHooks {
  onTurnCompleted(attempt: number, turn: { id: string; status: string; error: string | null }): void;
  onDiffUpdated(attempt: number): void;
  onApprovalRequested(request: ApprovalRequest): void;
  onExit(exit: CodexExit): void;
}

const toChanges = (item: Extract<ThreadItem, { type: "fileChange" }>): TApprovalChange[] =>
  item.changes.map((c) => ({ path: c.path, kind: c.kind.type, diff: c.diff }));

/**
 * One `codex app-server` process serving every attempt (thread) of a task. It turns the
 * process's notifications into the task's event log and tells the supervisor about turns,
 * diffs, approval requests and its own exit.
 */
export class TaskProcess {
  private readonly attempts = new Map<number, AttemptRun>();
  private readonly byThread = new Map<string, AttemptRun>();
  private readonly fileChanges = new Map<string, TApprovalChange[]>();
  private readonly openApprovals = new Map<string, RequestId>();
  lastActive = Date.now();

  private constructor(
    readonly taskId: string,
    readonly peer: CodexPeer,
    private readonly hooks: TaskProcessHooks,
  ) {
    peer.onNotification((n) => this.onNotification(n));
    peer.onServerRequest((r) => this.onServerRequest(r));
    peer.onExit((exit) => hooks.onExit(exit));
  }

  static async open(opts: { taskId: string; cwd: string; env: Record<string, string>; hooks: TaskProcessHooks }): Promise<TaskProcess> {
    const { peer } = await openCodex({ cwd: opts.cwd, env: opts.env, requestTimeoutMs: 60_000 });
    return new TaskProcess(opts.taskId, peer, opts.hooks);
  }

  get pid(): number {
    return this.peer.pid;
  }

  /** True while a turn runs or an approval waits: the process must not be stopped as idle. */
  get busy(): boolean {
    return [...this.attempts.values()].some((a) => a.running) || this.openApprovals.size > 0;
  }

  isRunning(attempt: number): boolean {
    return this.attempts.get(attempt)?.running ?? false;
  }

  hasThread(attempt: number): boolean {
    return this.attempts.has(attempt);
  }

  async startThread(attempt: number, cwd: string, settings: ThreadSettings): Promise<string> {
    const { thread } = await startThread(this.peer, { cwd, ...settings });
    this.track({ index: attempt, threadId: thread.id, cwd, running: false });
    return thread.id;
  }

  async resumeThread(attempt: number, threadId: string, cwd: string, settings: ThreadSettings): Promise<void> {
    await resumeThread(this.peer, { threadId, cwd, ...settings });
    this.track({ index: attempt, threadId, cwd, running: false });
  }

  /** Starts a turn; resolves with codex's turn id once the app-server accepted it. */
  async startTurn(attempt: number, text: string): Promise<string> {
    const run = this.attempts.get(attempt);
    if (!run) throw new Error(`attempt ${attempt} has no thread in this process`);
    run.running = true;
    this.lastActive = Date.now();
    try {
      const { turn } = await startTurn(this.peer, { threadId: run.threadId, text });
      run.turnId = turn.id;
      return turn.id;
    } catch (error) {
      run.running = false;
      throw error;
    }
  }

  async interrupt(): Promise<void> {
    const running = [...this.attempts.values()].filter((a) => a.running && a.turnId);
    await Promise.all(running.map((a) => interruptTurn(this.peer, { threadId: a.threadId, turnId: a.turnId! })));
  }

  /** Answers an approval request that is still open in this process; false when it is not. */
  answer(approvalId: string, decision: TApprovalDecision): boolean {
    const rpcId = this.openApprovals.get(approvalId);
    if (rpcId === undefined) return false;
    this.openApprovals.delete(approvalId);
    this.lastActive = Date.now();
    return this.peer.respond(rpcId, { decision });
  }

  /** Adds the user's words to the turn in progress (e.g. why a request was declined). */
  async steer(threadId: string, turnId: string, text: string): Promise<void> {
    await this.peer.request("turn/steer", { threadId, expectedTurnId: turnId, input: [{ type: "text", text, text_elements: [] }] });
  }

  /** Links an Approval row to the request that raised it, so `answer` can find it. */
  bindApproval(approvalId: string, rpcId: RequestId): void {
    this.openApprovals.set(approvalId, rpcId);
  }

  close(): Promise<CodexExit> {
    return this.peer.close({ graceMs: 2000 });
  }

  private track(run: AttemptRun): void {
    this.attempts.set(run.index, run);
    this.byThread.set(run.threadId, run);
  }

  private onNotification(n: ServerNotification): void {
    this.lastActive = Date.now();
    const event = toRunnerEvent(n);
    if (!event) return;
    const threadId = eventThreadId(event);
    const run = threadId ? this.byThread.get(threadId) : undefined;
    recordEvent(this.taskId, run?.index ?? null, event.method, event.params as unknown as Prisma.InputJsonValue);
    if (!run) return;
    switch (event.method) {
      case "turn/started":
        run.turnId = event.params.turn.id;
        break;
      case "turn/completed":
        run.running = false;
        this.hooks.onTurnCompleted(run.index, {
          id: event.params.turn.id,
          status: event.params.turn.status,
          error: event.params.turn.error?.message ?? null,
        });
        break;
      case "turn/diff/updated":
        this.hooks.onDiffUpdated(run.index);
        break;
      case "item/started":
        if (event.params.item.type === "fileChange") this.fileChanges.set(event.params.item.id, toChanges(event.params.item));
        break;
    }
  }

  private onServerRequest(r: ServerRequest): void {
    this.lastActive = Date.now();
    const run = this.byThread.get((r.params as { threadId?: string }).threadId ?? "");
    if (run && r.method === "item/commandExecution/requestApproval") {
      const p = r.params;
      this.hooks.onApprovalRequested({
        rpcId: r.id, attempt: run.index, kind: "command", threadId: p.threadId, turnId: p.turnId, itemId: p.itemId,
        command: p.command ?? undefined, cwd: p.cwd ?? undefined, reason: p.reason ?? undefined,
      });
    } else if (run && r.method === "item/fileChange/requestApproval") {
      const p = r.params;
      this.hooks.onApprovalRequested({
        rpcId: r.id, attempt: run.index, kind: "fileChange", threadId: p.threadId, turnId: p.turnId, itemId: p.itemId,
        reason: p.reason ?? undefined, changes: this.fileChanges.get(p.itemId) ?? [],
      });
    } else {
      logger.warn("declining unsupported app-server request", { taskId: this.taskId, method: r.method });
      this.peer.respondError(r.id, { code: -32601, message: `${r.method} is not supported by Codex Cloud` });
    }
  }
}
