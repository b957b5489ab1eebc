import type { TApprovalDecision } from "@/lib/schemas/approvals";
import { db } from "../db";
import { eventLog } from "../events/event-log";
import { AppError } from "../http/errors";
import { logger } from "../logger";
import { raiseApproval } from "./approval-raise";
import { writeCodexHome } from "./codex-home";
import { startAttempt } from "./first-turn";
import { describeExit, type CodexExit } from "./peer-error";
import { userProviderKey } from "../services/provider-keys";
import { providerFor } from "./provider";
import { loadTaskContext, type TaskContext } from "./task-context";
import { TaskProcess } from "./task-process";
import { recordEvent, refreshTaskStatus, setAttemptStatus } from "./task-state";
import { beginTurn, endTurn, linkTurn, refreshDiff } from "./turns";
import { restoreWorkspace } from "./workspaces";
import { existsSync } from "node:fs";
import path from "node:path";

export interface SupervisorOptions {
  maxRunning: number;
  idleTimeoutMs: number;
  setupTimeoutMs: number;
  demoModelUrl: string;
}

/**
 * Runs tasks: one app-server process per task with a thread per attempt, at most `maxRunning`
 * processes (new tasks queue FIFO), idle processes stopped and brought back with thread/resume
 * on the next follow-up, crashes turned into failed turns with a readable reason.
 */
export class Supervisor {
  private readonly processes = new Map<string, TaskProcess>();
  private readonly starting = new Map<string, Promise<TaskProcess>>();
  private readonly stopping = new Set<TaskProcess>();
  private readonly queue: string[] = [];
  private readonly approvalTimers = new Map<string, NodeJS.Timeout>();
  private readonly idleTimer: NodeJS.Timeout;

  constructor(private readonly opts: SupervisorOptions) {
    this.idleTimer = setInterval(() => this.stopIdle(), Math.min(1000, opts.idleTimeoutMs));
    this.idleTimer.unref();
  }

  /** Process ids of running app-servers, by task (for health, benchmarks and tests). */
  pids(): Map<string, number> {
    return new Map([...this.processes].map(([taskId, p]) => [taskId, p.pid]));
  }

  enqueue(taskId: string): void {
    this.queue.push(taskId);
    this.pump();
  }

  async sendMessage(opts: { taskId: string; text: string; attempt?: number }): Promise<void> {
    const attempts = await db.attempt.findMany({ where: { taskId: opts.taskId }, orderBy: { index: "asc" } });
    const targets = attempts.filter((a) => opts.attempt === undefined || a.index === opts.attempt);
    if (targets.length === 0) throw new AppError("NOT_FOUND", `Attempt ${opts.attempt} not found.`);
    if (targets.some((a) => a.status === "running" || a.status === "queued")) {
      throw new AppError("CONFLICT", "A turn is still running on this attempt; wait for it or stop it first.");
    }
    const ready = targets.filter((a) => a.threadId);
    if (ready.length === 0) throw new AppError("CONFLICT", "This attempt never started a thread; create a new task.");
    const process = await this.ensureProcess(opts.taskId);
    await eventLog.open(opts.taskId);
    await Promise.all(ready.map((a) => this.startTurn(process, opts.taskId, a.index, opts.text)));
  }

  async interrupt(taskId: string): Promise<void> {
    const queued = this.queue.indexOf(taskId);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      await db.attempt.updateMany({ where: { taskId, status: "queued" }, data: { status: "cancelled" } });
      await refreshTaskStatus(taskId);
      return;
    }
    await this.processes.get(taskId)?.interrupt();
  }

  /**
   * Hands a recorded decision to the agent that asked, if its process still waits for it; a
   * decline's message reaches the agent as the user's words in the same turn.
   */
  answerApproval(opts: {
    approvalId: string;
    taskId: string;
    decision: TApprovalDecision;
    message?: string;
    threadId: string | null;
    turnId: string | null;
  }): void {
    clearTimeout(this.approvalTimers.get(opts.approvalId));
    this.approvalTimers.delete(opts.approvalId);
    const process = this.processes.get(opts.taskId);
    if (!process?.answer(opts.approvalId, opts.decision)) return;
    if (opts.decision === "decline" && opts.message && opts.threadId && opts.turnId) {
      process.steer(opts.threadId, opts.turnId, `I declined that request: ${opts.message}`).catch((error: unknown) => {
        logger.warn("could not pass the decline message to the agent", { taskId: opts.taskId, error });
      });
    }
  }

  /** Stops the task's process, if any (its threads resume on the next follow-up). */
  async release(taskId: string): Promise<void> {
    const process = this.processes.get(taskId);
    if (process) await this.stop(process);
  }

  async shutdown(): Promise<void> {
    clearInterval(this.idleTimer);
    for (const timer of this.approvalTimers.values()) clearTimeout(timer);
    await Promise.allSettled([...this.processes.values()].map((p) => this.stop(p)));
    await eventLog.flush();
  }

  private get running(): number {
    return this.processes.size + this.starting.size;
  }

  private pump(): void {
    while (this.queue.length > 0 && this.running >= this.opts.maxRunning && this.evictOneIdle()) {
      /* an idle process made room */
    }
    while (this.queue.length > 0 && this.running < this.opts.maxRunning) {
      const taskId = this.queue.shift()!;
      void this.launch(taskId);
    }
  }

  private evictOneIdle(): boolean {
    const idle = [...this.processes.values()].find((p) => !p.busy);
    if (!idle) return false;
    void this.stop(idle);
    return true;
  }

  private stopIdle(): void {
    const now = Date.now();
    for (const p of this.processes.values()) {
      if (!p.busy && now - p.lastActive >= this.opts.idleTimeoutMs) void this.stop(p);
    }
  }

  private async stop(p: TaskProcess): Promise<void> {
    this.stopping.add(p);
    if (this.processes.get(p.taskId) === p) this.processes.delete(p.taskId);
    await p.close();
    this.pump();
  }

  private async launch(taskId: string): Promise<void> {
    let ctx: TaskContext | undefined;
    try {
      await eventLog.open(taskId);
      ctx = await loadTaskContext(taskId);
      const process = await this.ensureProcess(taskId, ctx);
      const loaded = ctx;
      await Promise.all(
        loaded.attempts.map((a) =>
          startAttempt({
            ctx: loaded,
            process,
            index: a.index,
            setupTimeoutMs: this.opts.setupTimeoutMs,
            startTurn: (index, text) => this.startTurn(process, taskId, index, text),
          }).catch((error: Error) => this.failAttempt(taskId, a.index, error.message)),
        ),
      );
    } catch (error) {
      logger.error("task launch failed", { taskId, error });
      const attempts = ctx?.attempts ?? (await db.attempt.findMany({ where: { taskId } }));
      for (const a of attempts) await this.failAttempt(taskId, a.index, `Could not start the agent: ${(error as Error).message}`);
    }
  }

  private async failAttempt(taskId: string, index: number, reason: string): Promise<void> {
    recordEvent(taskId, index, "error", { error: { message: reason }, willRetry: false });
    await setAttemptStatus(taskId, index, "failed", { error: reason });
  }

  /** The task's process: the running one, or a new one with every started thread resumed. */
  private ensureProcess(taskId: string, loaded?: TaskContext): Promise<TaskProcess> {
    const existing = this.processes.get(taskId);
    if (existing) return Promise.resolve(existing);
    let pending = this.starting.get(taskId);
    if (!pending) {
      pending = this.spawn(taskId, loaded).finally(() => this.starting.delete(taskId));
      this.starting.set(taskId, pending);
    }
    return pending;
  }

  private async spawn(taskId: string, loaded?: TaskContext): Promise<TaskProcess> {
    const ctx = loaded ?? (await loadTaskContext(taskId));
    const home = await writeCodexHome({
      dir: path.join(ctx.dir, "codex-home"),
      provider: providerFor(ctx.environment, {
        demoBaseUrl: this.opts.demoModelUrl,
        ownerKey: await userProviderKey(ctx.task.ownerId, ctx.environment.modelProvider),
      }),
      extraToml: ctx.environment.codexConfig,
    });
    const process: TaskProcess = await TaskProcess.open({
      taskId,
      cwd: ctx.dir,
      env: home.env,
      hooks: {
        onTurnCompleted: (attempt, turn) => void this.onTurnCompleted(taskId, attempt, turn),
        onDiffUpdated: (attempt) => void refreshDiff(taskId, attempt),
        onApprovalRequested: (request) =>
          void raiseApproval({ process, ownerId: ctx.task.ownerId, environment: ctx.environment, request, timers: this.approvalTimers }).catch(
            (error: unknown) => logger.error("could not raise approval", { taskId, error }),
          ),
        onExit: (exit) => void this.onExit(process, exit),
      },
    });
    for (const a of ctx.attempts) {
      if (!a.threadId || !a.worktreePath) continue;
      if (!existsSync(a.worktreePath) && a.baseCommit) {
        await restoreWorkspace({ repo: ctx.environment.repo, branch: ctx.task.branch, baseCommit: a.baseCommit, dir: a.worktreePath, diff: a.diff ?? "" });
      }
      await process.resumeThread(a.index, a.threadId, a.worktreePath, ctx.settings);
    }
    this.processes.set(taskId, process);
    logger.info("app-server started", { taskId, pid: process.pid });
    return process;
  }

  private async startTurn(process: TaskProcess, taskId: string, index: number, text: string): Promise<void> {
    const turnRowId = await beginTurn(taskId, index, text);
    try {
      await linkTurn(turnRowId, await process.startTurn(index, text));
    } catch (error) {
      await endTurn(taskId, index, { status: "failed", error: `The agent did not start the turn: ${(error as Error).message}` });
    }
  }

  private async onTurnCompleted(taskId: string, attempt: number, turn: { status: string; error: string | null }): Promise<void> {
    const status = turn.status === "completed" || turn.status === "interrupted" ? turn.status : "failed";
    await refreshDiff(taskId, attempt);
    await endTurn(taskId, attempt, { status, error: turn.error });
    if (this.queue.length > 0) this.pump();
  }

  /** An exit nobody asked for fails the turns that were running, with the reason. */
  private async onExit(process: TaskProcess, exit: CodexExit): Promise<void> {
    const expected = this.stopping.delete(process);
    if (this.processes.get(process.taskId) === process) this.processes.delete(process.taskId);
    if (!expected) {
      const reason = `The agent process stopped unexpectedly (${describeExit(exit)}). Send a follow-up to continue.`;
      logger.warn("app-server exited", { taskId: process.taskId, exit: describeExit(exit) });
      const running = await db.attempt.findMany({ where: { taskId: process.taskId, status: "running" } });
      for (const a of running) {
        recordEvent(process.taskId, a.index, "error", { error: { message: reason }, willRetry: false });
        await endTurn(process.taskId, a.index, { status: "failed", error: reason });
      }
      await db.approval.updateMany({
        where: { taskId: process.taskId, status: "pending" },
        data: { status: "cancelled", decidedBy: "timeout", decidedAt: new Date(), message: reason },
      });
      await refreshTaskStatus(process.taskId);
    }
    this.pump();
  }
}

const holder = globalThis as unknown as { __codexCloudSupervisor?: Supervisor };

export function initSupervisor(opts: SupervisorOptions): Supervisor {
  holder.__codexCloudSupervisor ??= new Supervisor(opts);
  return holder.__codexCloudSupervisor;
}

/** The process-wide supervisor, created by the server at start. */
export function supervisor(): Supervisor {
  if (!holder.__codexCloudSupervisor) throw new Error("The task supervisor is not running in this process.");
  return holder.__codexCloudSupervisor;
}
