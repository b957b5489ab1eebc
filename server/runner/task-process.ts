import type { TApprovalChange, TApprovalDecision } from "@/lib/schemas/approvals";
import type { AskForApproval } from "../generated/codex-protocol/v2/AskForApproval";
import type { CommandAction } from "../generated/codex-protocol/v2/CommandAction";
import type { SandboxMode } from "../generated/codex-protocol/v2/SandboxMode";
import type { ThreadItem } from "../generated/codex-protocol/v2/ThreadItem";
import type { TokenUsageBreakdown } from "../generated/codex-protocol/v2/TokenUsageBreakdown";
import type { Prisma } from "../generated/prisma/client";
import { logger } from "../logger";
import { interruptTurn, openCodex, resumeThread, startThread, startTurn } from "./codex-client";
import type { AppServerLauncher, CodexPeer } from "./codex-peer";
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
  /** The codex id of the turn in progress, once it has started (`turn/started`). */
  turnId?: string;
  running: boolean;
  /** Interrupt the turn as soon as it has started (codex refuses to interrupt one before). */
  stopOnStart?: boolean;
}

export interface ApprovalRequest {
  rpcId: RequestId;
  attempt: number;
  kind: "command" | "fileChange";
  threadId: string;
  turnId: string;
  itemId: string;
  command?: string;
  /** Codex's parse of the command, which the auto-approval policy also checks. */
  commandActions?: CommandAction[];
  cwd?: string;
  reason?: string;
  changes?: TApprovalChange[];
}

export interface TaskProcessHooks {
  onTurnCompleted(attempt: number, turn: { id: string; status: string; error: string | null }): void;
  onDiffUpdated(attempt: number): void;
  onUsage(attempt: number, total: TokenUsageBreakdown): void;
  onApprovalRequested(request: ApprovalRequest): void;
  /** Codex stopped waiting for an approval nobody answered (its turn was interrupted or ended). */
  onApprovalWithdrawn(approvalId: string): void;
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
  /** Wakes callers waiting for a turn to begin (see turnOf). */
  private readonly turnStarts = new Set<() => void>();
  /** Approval requests codex waits for: rpc id → Approval row id (null until the row exists). */
  private readonly waiting = new Map<RequestId, string | null>();
  /** Requests codex stopped waiting for before their row existed. */
  private readonly withdrawn = new Set<RequestId>();
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

  static async open(opts: { taskId: string; cwd: string; env: Record<string, string>; launcher?: AppServerLauncher; hooks: TaskProcessHooks }): Promise<TaskProcess> {
    const { peer } = await openCodex({ cwd: opts.cwd, env: opts.env, launcher: opts.launcher, requestTimeoutMs: 60_000 });
    return new TaskProcess(opts.taskId, peer, opts.hooks);
  }

  get pid(): number {
    return this.peer.pid;
  }

  /** True while a turn runs or an approval waits: the process must not be stopped as idle. */
  get busy(): boolean {
    return [...this.attempts.values()].some((a) => a.running) || this.waiting.size > 0;
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
    Object.assign(run, { running: true, turnId: undefined, stopOnStart: false });
    this.lastActive = Date.now();
    try {
      const { turn } = await startTurn(this.peer, { threadId: run.threadId, text });
      return turn.id;
    } catch (error) {
      Object.assign(run, { running: false, stopOnStart: false });
      throw error;
    }
  }

  /** Interrupts the running turns; one not started yet is interrupted when it starts. */
  async interrupt(): Promise<void> {
    const running = [...this.attempts.values()].filter((a) => a.running);
    for (const a of running) a.stopOnStart = !a.turnId;
    await Promise.all(running.filter((a) => a.turnId).map((a) => this.interruptRun(a, a.turnId!)));
  }

  /** Answers an approval request that is still open in this process; false when it is not. */
  answer(approvalId: string, decision: TApprovalDecision): boolean {
    const rpcId = [...this.waiting].find(([, id]) => id === approvalId)?.[0];
    if (rpcId === undefined) return false;
    this.waiting.delete(rpcId);
    this.lastActive = Date.now();
    return this.peer.respond(rpcId, { decision });
  }

  /** The attempt's turn in progress, once codex has started it. */
  activeTurn(attempt: number): { threadId: string; turnId: string } | undefined {
    const run = this.attempts.get(attempt);
    return run?.running && run.turnId ? { threadId: run.threadId, turnId: run.turnId } : undefined;
  }

  /** The attempt's turn in progress; one accepted but not begun yet is waited for, up to `timeoutMs`. */
  async turnOf(attempt: number, timeoutMs: number): Promise<{ threadId: string; turnId: string } | undefined> {
    const run = this.attempts.get(attempt);
    if (!run?.running || run.turnId) return this.activeTurn(attempt);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.turnStarts.add(() => (clearTimeout(timer), resolve()));
    });
    return this.activeTurn(attempt);
  }

  /** Adds the user's words to the turn in progress (e.g. why a request was declined). */
  async steer(threadId: string, turnId: string, text: string): Promise<void> {
    await this.peer.request("turn/steer", { threadId, expectedTurnId: turnId, input: [{ type: "text", text, text_elements: [] }] });
  }

  /**
   * Links an Approval row to the request that raised it, so `answer` can find it; false when
   * codex no longer waits for that request.
   */
  bindApproval(approvalId: string, rpcId: RequestId): boolean {
    if (this.withdrawn.delete(rpcId) || !this.waiting.has(rpcId)) return false;
    this.waiting.set(rpcId, approvalId);
    return true;
  }

  close(): Promise<CodexExit> {
    return this.peer.close({ graceMs: 2000 });
  }

  /** A turn that ended meanwhile cannot be interrupted: logged, not an error. */
  private async interruptRun(run: AttemptRun, turnId: string): Promise<void> {
    await interruptTurn(this.peer, { threadId: run.threadId, turnId }).catch((error: unknown) => {
      logger.warn("turn/interrupt failed", { taskId: this.taskId, attempt: run.index, error });
    });
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
        for (const wake of this.turnStarts) wake();
        this.turnStarts.clear();
        if (run.stopOnStart) void this.interruptRun(run, run.turnId);
        run.stopOnStart = false;
        break;
      case "turn/completed":
        run.running = false;
        run.stopOnStart = false;
        this.hooks.onTurnCompleted(run.index, {
          id: event.params.turn.id,
          status: event.params.turn.status,
          error: event.params.turn.error?.message ?? null,
        });
        break;
      case "turn/diff/updated":
        this.hooks.onDiffUpdated(run.index);
        break;
      case "thread/tokenUsage/updated":
        this.hooks.onUsage(run.index, event.params.tokenUsage.total);
        break;
      case "item/started":
        if (event.params.item.type === "fileChange") this.fileChanges.set(event.params.item.id, toChanges(event.params.item));
        break;
      case "serverRequest/resolved":
        this.onRequestResolved(event.params.requestId);
        break;
    }
  }

  /** Resolved without our answer: the request is withdrawn. */
  private onRequestResolved(rpcId: RequestId): void {
    if (!this.waiting.has(rpcId)) return;
    const approvalId = this.waiting.get(rpcId);
    this.waiting.delete(rpcId);
    if (approvalId) this.hooks.onApprovalWithdrawn(approvalId);
    else this.withdrawn.add(rpcId);
  }

  private onServerRequest(r: ServerRequest): void {
    this.lastActive = Date.now();
    const run = this.byThread.get((r.params as { threadId?: string }).threadId ?? "");
    const approval = r.method === "item/commandExecution/requestApproval" || r.method === "item/fileChange/requestApproval";
    if (run && approval) this.waiting.set(r.id, null);
    if (run && r.method === "item/commandExecution/requestApproval") {
      const p = r.params;
      this.hooks.onApprovalRequested({
        rpcId: r.id, attempt: run.index, kind: "command", threadId: p.threadId, turnId: p.turnId, itemId: p.itemId,
        command: p.command ?? undefined, commandActions: p.commandActions ?? undefined, cwd: p.cwd ?? undefined, reason: p.reason ?? undefined,
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
