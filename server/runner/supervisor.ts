import type { TApprovalDecision } from "@/lib/schemas/approvals";
import { db } from "../db";
import { retryWhileUnreachable } from "../db/unreachable";
import { eventLog } from "../events/event-log";
import { AppError } from "../http/errors";
import { logger } from "../logger";
import { cancelPendingApprovals, WITHDRAWN } from "./abandon-approvals";
import { raiseApproval } from "./approval-raise";
import { startAttempt } from "./first-turn";
import { nextFairIndex } from "./fair-share";
import { KeyedQueue } from "./keyed-queue";
import { describeExit, type CodexExit } from "./peer-error";
import { userProviderKey } from "../services/provider-keys";
import { providerFor } from "./provider";
import { loadTaskContext, type TaskContext } from "./task-context";
import { TaskProcess } from "./task-process";
import { recordEvent, refreshTaskStatus, setAttemptStatus } from "./task-state";
import { beginTurn, endTurn, linkTurn, refreshDiff } from "./turns";
import { recordUsage } from "./usage";
import { checkoutSource } from "./checkout-source";
import { hasWorkspace, restoreWorkspace } from "./workspaces";
import { appServerStart } from "./codex-launch";
import { agentEgress } from "./task-network";

export interface SupervisorOptions {
  maxRunning: number;
  /** At most this many of one user's tasks are starting or busy; the rest of theirs wait in the queue. */
  maxRunningPerUser?: number;
  idleTimeoutMs: number;
  setupTimeoutMs: number;
  /** Setup output kept per attempt (first and last halves; the middle is replaced by a marker). */
  setupOutputMaxBytes: number;
  demoModelUrl: string;
  /** Passed to codex as the provider's stream_idle_timeout_ms: a silent model fails the turn after it. */
  modelStreamTimeoutMs?: number;
}

/**
 * Runs tasks: one app-server process per task with a thread per attempt, at most `maxRunning`
 * processes (new tasks queue FIFO), idle processes stopped and brought back with thread/resume
 * on the next follow-up, crashes turned into failed turns with a readable reason.
 *
 * A slot is taken the moment a task leaves the queue (`starting`), so tasks arriving together
 * never exceed the cap. A follow-up on a task without a process frees a slot by stopping an idle
 * process when the cap is reached; when every process is busy it starts one beyond the cap
 * rather than keep the user waiting with no place in the queue.
 */
/** How long a steering message waits for a just-accepted turn to begin. */
const TURN_START_WAIT_MS = 10_000;

export class Supervisor {
  private readonly processes = new Map<string, TaskProcess>();
  private readonly starting = new Map<string, Promise<TaskProcess>>();
  private readonly stopping = new Set<TaskProcess>();
  private readonly queue: string[] = [];
  /** Owner of each task queued, starting or with a process (the per-user cap counts by it). */
  private readonly owners = new Map<string, string>();
  private readonly approvalTimers = new Map<string, NodeJS.Timeout>();
  /** Tasks whose process is being readied for a turn: never stopped as idle meanwhile. */
  private readonly claimed = new Set<string>();
  /** Claimed tasks the user stopped: their turns are interrupted as soon as they have started. */
  private readonly stopRequested = new Set<string>();
  /** Tasks being launched: stopping one aborts its setup scripts. */
  private readonly launching = new Map<string, AbortController>();
  private readonly messages = new KeyedQueue();
  private readonly idleTimer: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly opts: SupervisorOptions) {
    this.idleTimer = setInterval(() => this.stopIdle(), Math.min(1000, opts.idleTimeoutMs));
    this.idleTimer.unref();
  }

  /** Process ids of running app-servers, by task (for health, benchmarks and tests). */
  pids(): Map<string, number> {
    return new Map([...this.processes].map(([taskId, p]) => [taskId, p.pid]));
  }

  enqueue(taskId: string, ownerId: string): void {
    this.owners.set(taskId, ownerId);
    this.queue.push(taskId);
    this.pump();
  }

  /** A follow-up turn; one at a time per task, so of two racing follow-ups the second gets 409. */
  sendMessage(opts: { taskId: string; text: string; attempt?: number }): Promise<{ steered: boolean }> {
    return this.messages.run(opts.taskId, () => this.claim(opts.taskId, () => this.followUp(opts)));
  }

  /** Stops the task: out of the queue, or its running turns interrupted (also those still starting). */
  async interrupt(taskId: string): Promise<void> {
    const queued = this.queue.indexOf(taskId);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.owners.delete(taskId);
      await db.attempt.updateMany({ where: { taskId, status: "queued" }, data: { status: "cancelled" } });
      await refreshTaskStatus(taskId);
      return;
    }
    if (this.claimed.has(taskId)) this.stopRequested.add(taskId);
    this.launching.get(taskId)?.abort();
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

  /** Stops every process (processes still starting included) and writes the event log. */
  async shutdown(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    clearInterval(this.idleTimer);
    for (const timer of this.approvalTimers.values()) clearTimeout(timer);
    await Promise.allSettled([...this.starting.values()]);
    await Promise.allSettled([...this.processes.values()].map((p) => this.stop(p)));
    await eventLog.flush();
  }

  private get running(): number {
    return this.processes.size + this.starting.size;
  }

  /** The task has no process any more (a follow-up's spawn records its owner again). */
  private forget(taskId: string): void {
    this.processes.delete(taskId);
    this.owners.delete(taskId);
  }

  private pump(): void {
    if (this.closed) return;
    if (this.nextQueued() >= 0) this.makeRoom();
    while (this.running < this.opts.maxRunning) {
      const next = this.nextQueued();
      if (next < 0) return;
      const [taskId] = this.queue.splice(next, 1) as [string];
      this.background("task launch", taskId, this.launch(taskId));
    }
  }

  /** The first queued task whose owner is under the per-user cap; idle processes give way, so they do not count. */
  private nextQueued(): number {
    const busy = [...this.processes.values()].filter((p) => !this.isIdle(p)).map((p) => p.taskId);
    return nextFairIndex(this.queue, this.owners, [...this.starting.keys(), ...busy], this.opts.maxRunningPerUser ?? Infinity);
  }

  /** At the cap, stops idle processes (their threads resume on the next follow-up). */
  private makeRoom(): void {
    while (this.running >= this.opts.maxRunning) {
      const idle = [...this.processes.values()].find((p) => this.isIdle(p));
      if (!idle) return;
      void this.stop(idle);
    }
  }

  private isIdle(p: TaskProcess): boolean {
    return !p.busy && !this.claimed.has(p.taskId);
  }

  private stopIdle(): void {
    const now = Date.now();
    for (const p of this.processes.values()) {
      if (this.isIdle(p) && now - p.lastActive >= this.opts.idleTimeoutMs) void this.stop(p);
    }
  }

  private async claim<T>(taskId: string, work: () => Promise<T>): Promise<T> {
    this.claimed.add(taskId);
    try {
      return await work();
    } finally {
      this.claimed.delete(taskId);
      if (this.stopRequested.delete(taskId)) await this.processes.get(taskId)?.interrupt();
    }
  }

  /** Work nobody awaits (process hooks, launches): a failure is logged, never an unhandled rejection. */
  private background(what: string, taskId: string, work: Promise<unknown>): void {
    work.catch((error: unknown) => logger.error(`${what} failed`, { taskId, error }));
  }

  /**
   * A follow-up: a new turn on each idle target attempt; one whose turn is running gets the text
   * in that turn instead (`turn/steer`). Resolves whether any turn was steered.
   */
  private async followUp(opts: { taskId: string; text: string; attempt?: number }): Promise<{ steered: boolean }> {
    const attempts = await db.attempt.findMany({ where: { taskId: opts.taskId }, orderBy: { index: "asc" } });
    const targets = attempts.filter((a) => opts.attempt === undefined || a.index === opts.attempt);
    if (targets.length === 0) throw new AppError("NOT_FOUND", `Attempt ${opts.attempt} not found.`);
    const working = targets.filter((a) => a.status === "running" || a.status === "queued");
    const process = this.processes.get(opts.taskId);
    // A turn codex accepted but has not begun yet is waited for briefly, so the words can join it.
    const turns = await Promise.all(working.map((a) => process?.turnOf(a.index, TURN_START_WAIT_MS)));
    if (turns.some((turn) => !turn)) throw new AppError("CONFLICT", "The agent is still starting this attempt; wait until its turn has begun, or stop it.");
    const idle = targets.filter((a) => !working.includes(a));
    const ready = idle.filter((a) => a.threadId);
    if (idle.length > 0 && ready.length === 0 && working.length === 0) throw new AppError("CONFLICT", "This attempt never started a thread; create a new task.");
    await Promise.all(turns.map((turn) => process!.steer(turn!.threadId, turn!.turnId, opts.text))).catch((error: Error) => {
      throw new AppError("CONFLICT", `The running turn did not take the message (${error.message}); send it again.`);
    });
    if (ready.length > 0) {
      const started = await this.ensureProcess(opts.taskId);
      await eventLog.open(opts.taskId);
      await Promise.all(ready.map((a) => this.startTurn(started, opts.taskId, a.index, opts.text)));
    }
    return { steered: turns.length > 0 };
  }

  private async stop(p: TaskProcess): Promise<void> {
    this.stopping.add(p);
    if (this.processes.get(p.taskId) === p) this.forget(p.taskId);
    await p.close();
    this.pump();
  }

  /**
   * Takes the task's slot at once (synchronously), then starts its attempts. Their workspaces
   * are made while the process starts; each attempt waits for the process only to start its thread.
   */
  private launch(taskId: string): Promise<void> {
    const loading = loadTaskContext(taskId);
    const starting = this.ensureProcess(taskId, loading);
    // Handled here too: an attempt may still be making its workspace when the start fails.
    const processReady = starting.catch((error: Error) => {
      throw new Error(`Could not start the agent: ${error.message}`);
    });
    processReady.catch(() => undefined);
    const stop = new AbortController();
    this.launching.set(taskId, stop);
    return this.claim(taskId, async () => {
      try {
        const [ctx] = await Promise.all([loading, eventLog.open(taskId)]);
        // One fetch of a remote environment's mirror for all the task's attempts (and shared with other tasks').
        const source = checkoutSource(ctx.environment);
        source.catch(() => undefined);
        await Promise.all(
          ctx.attempts.map((a) =>
            startAttempt({
              ctx,
              source,
              process: processReady,
              index: a.index,
              setupTimeoutMs: this.opts.setupTimeoutMs,
              setupOutputMaxBytes: this.opts.setupOutputMaxBytes,
              signal: stop.signal,
              startTurn: (process, index, text) => this.startTurn(process, taskId, index, text),
            }).catch((error: Error) => this.failAttempt(taskId, a.index, error.message)),
          ),
        );
      } catch (error) {
        logger.error("task launch failed", { taskId, error });
        for (const a of await db.attempt.findMany({ where: { taskId } })) {
          await this.failAttempt(taskId, a.index, `Could not start the agent: ${(error as Error).message}`);
        }
      } finally {
        this.launching.delete(taskId);
      }
    });
  }

  private async failAttempt(taskId: string, index: number, reason: string): Promise<void> {
    recordEvent(taskId, index, "error", { error: { message: reason }, willRetry: false });
    await setAttemptStatus(taskId, index, "failed", { error: reason });
  }

  /**
   * The task's process: the running one, or a new one with every started thread resumed. A new
   * one holds its slot from this call on; one that fails to start gives it back.
   */
  private ensureProcess(taskId: string, loading?: Promise<TaskContext>): Promise<TaskProcess> {
    const existing = this.processes.get(taskId);
    if (existing) return Promise.resolve(existing);
    if (this.closed) return Promise.reject(new Error("The task supervisor is shutting down."));
    let pending = this.starting.get(taskId);
    if (!pending) {
      this.makeRoom();
      pending = this.spawn(taskId, loading ?? loadTaskContext(taskId)).finally(() => {
        this.starting.delete(taskId);
        if (!this.processes.has(taskId)) {
          this.owners.delete(taskId);
          this.pump();
        }
      });
      this.starting.set(taskId, pending);
    }
    return pending;
  }

  private async spawn(taskId: string, loading: Promise<TaskContext>): Promise<TaskProcess> {
    const ctx = await loading;
    this.owners.set(taskId, ctx.task.ownerId);
    const { sandbox, access } = ctx;
    const start = await appServerStart({
      sandbox,
      config: {
        provider: providerFor(ctx.environment, {
          demoBaseUrl: this.opts.demoModelUrl,
          ownerKey: await userProviderKey(ctx.task.ownerId, ctx.environment.modelProvider),
        }),
        extraToml: ctx.environment.codexConfig,
        streamIdleTimeoutMs: this.opts.modelStreamTimeoutMs,
      },
      egress: agentEgress(access),
      variables: access.variables,
    });
    const process: TaskProcess = await TaskProcess.open({
      taskId,
      cwd: ctx.dir,
      env: start.env,
      launcher: start.launcher,
      hooks: {
        onTurnCompleted: (attempt, turn) =>
          this.background("turn completion", taskId, retryWhileUnreachable("turn completion", () => this.onTurnCompleted(taskId, attempt, turn))),
        onDiffUpdated: (attempt) => this.background("diff refresh", taskId, refreshDiff(taskId, attempt)),
        onUsage: (attempt, total) => this.background("usage", taskId, retryWhileUnreachable("usage", () => recordUsage(taskId, attempt, total))),
        onApprovalRequested: (request) =>
          this.background(
            "approval request",
            taskId,
            raiseApproval({ process, ownerId: ctx.task.ownerId, environment: ctx.environment, request, timers: this.approvalTimers }),
          ),
        onApprovalWithdrawn: (approvalId) => this.background("approval withdrawal", taskId, this.cancelApprovals(taskId, WITHDRAWN, [approvalId])),
        onExit: (exit) => this.background("exit handling", taskId, this.onExit(process, exit)),
      },
    });
    try {
      for (const a of ctx.attempts) {
        if (!a.threadId || !a.worktreePath) continue;
        if (!hasWorkspace(a.worktreePath) && a.baseCommit) {
          await restoreWorkspace({
            ...(await checkoutSource(ctx.environment)),
            branch: ctx.task.branch,
            baseCommit: a.baseCommit,
            dir: a.worktreePath,
            diff: a.diff ?? "",
            adopt: (dir) => sandbox.adopt(dir),
            run: sandbox.runnerFor(a.worktreePath),
          });
        }
        await process.resumeThread(a.index, a.threadId, a.worktreePath, ctx.settings).catch((error: Error) => {
          // e.g. the environment's model provider changed since the thread began: the user's
          // request cannot go on, which is theirs to know, not a server fault.
          throw new AppError("CONFLICT", `The agent could not continue this thread: ${error.message.replace(/^thread\/resume failed: /, "")}`);
        });
      }
    } catch (error) {
      this.stopping.add(process);
      await process.close();
      throw error;
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
    this.pump();
  }

  /** Cancels the task's pending approvals (or those of `ids`) nobody waits for any more. */
  private async cancelApprovals(taskId: string, reason: string, ids?: string[]): Promise<void> {
    for (const id of await cancelPendingApprovals(taskId, reason, ids)) {
      clearTimeout(this.approvalTimers.get(id));
      this.approvalTimers.delete(id);
    }
    await refreshTaskStatus(taskId);
  }

  /** An exit nobody asked for fails the turns that were running, with the reason. */
  private async onExit(process: TaskProcess, exit: CodexExit): Promise<void> {
    const expected = this.stopping.delete(process);
    if (this.processes.get(process.taskId) === process) this.forget(process.taskId);
    if (!expected) {
      const reason = `The agent process stopped unexpectedly (${describeExit(exit)}). Send a follow-up to continue.`;
      logger.warn("app-server exited", { taskId: process.taskId, exit: describeExit(exit) });
      await this.cancelApprovals(process.taskId, reason);
      const running = await db.attempt.findMany({ where: { taskId: process.taskId, status: "running" } });
      for (const a of running) {
        recordEvent(process.taskId, a.index, "error", { error: { message: reason }, willRetry: false });
        await endTurn(process.taskId, a.index, { status: "failed", error: reason });
      }
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
