import type { TApplyResult } from "@/lib/schemas/apply";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { checkPatch, commitPatch } from "../git/apply-patch";
import { git, GitError } from "../git/git";
import { assertValidBranchName, branchExists, isGitUrl } from "../git/repo";
import { AppError } from "../http/errors";
import { findTaskForUser } from "../permissions/tasks";
import { recordEvent, refreshTaskStatus } from "../runner/task-state";
import { recordAudit } from "./audit";
import { displayUrl, originOf } from "./push-origin";

export const defaultBranchName = (taskId: string) => `codex/${taskId.slice(-8)}`;

function outcome(check: { conflictPaths: string[]; skippedPaths: string[]; cleanPaths: string[] }): TApplyResult["status"] {
  if (check.conflictPaths.length === 0 && check.skippedPaths.length === 0) return "success";
  return check.cleanPaths.length > 0 ? "partial" : "error";
}

/**
 * Preflight or apply an attempt's diff to the tip of the task's branch: a new branch with one
 * commit authored by the user. Nothing is written unless every file applies cleanly.
 */
export async function applyTask(actor: Actor, taskId: string, opts: { attempt: number; preflight: boolean; branchName?: string }): Promise<TApplyResult> {
  const task = await findTaskForUser(actor.userId, taskId);
  if (task.appliedAt) throw new AppError("CONFLICT", `This task was already applied as ${task.appliedBranch}.`);
  const [environment, attempt, user] = await Promise.all([
    db.environment.findUniqueOrThrow({ where: { id: task.environmentId } }),
    db.attempt.findUnique({ where: { taskId_index: { taskId, index: opts.attempt } } }),
    db.user.findUniqueOrThrow({ where: { id: actor.userId } }),
  ]);
  if (!attempt) throw new AppError("NOT_FOUND", `Attempt ${opts.attempt} not found.`);
  if (isGitUrl(environment.repo)) {
    throw new AppError("VALIDATION_FAILED", "Apply works on repositories on this server; download the patch instead.");
  }
  const patch = attempt.diff ?? "";
  if (!patch.trim()) return { status: "error", applied: false, conflictPaths: [], skippedPaths: [], message: "This attempt changed nothing." };
  const branch = opts.branchName ?? defaultBranchName(taskId);
  await assertValidBranchName(branch, "branchName");
  if (await branchExists(environment.repo, branch)) throw new AppError("CONFLICT", `Branch ${branch} already exists.`);

  const tip = (await git(["rev-parse", "--verify", `refs/heads/${task.branch}^{commit}`], { cwd: environment.repo })).trim();
  const check = await checkPatch(environment.repo, tip, patch);
  const status = outcome(check);
  const base = { conflictPaths: check.conflictPaths, skippedPaths: check.skippedPaths };
  if (status !== "success") {
    const message = `${check.conflictPaths.length + check.skippedPaths.length} file(s) do not apply to ${task.branch}; nothing was written.`;
    return { status, applied: false, ...base, message };
  }
  if (opts.preflight) return { status, applied: false, ...base, message: `Applies cleanly to ${task.branch}.` };

  const claimed = await db.task.updateMany({ where: { id: taskId, appliedAt: null }, data: { appliedAt: new Date(), appliedAttempt: opts.attempt, appliedBranch: branch } });
  if (claimed.count === 0) throw new AppError("CONFLICT", "This task was already applied.");
  let commit: string;
  try {
    commit = await commitPatch({
      repo: environment.repo,
      parent: tip,
      patch,
      branch,
      message: `${task.title}\n\nApplied from Codex Cloud task ${taskId} (attempt ${opts.attempt}).\n`,
      author: { name: user.name ?? user.email.split("@")[0] ?? user.email, email: user.email },
    });
  } catch (error) {
    await db.task.update({ where: { id: taskId }, data: { appliedAt: null, appliedAttempt: null, appliedBranch: null } });
    if (error instanceof GitError) throw new AppError("CONFLICT", `The branch could not be written: ${error.stderr.trim()}`);
    throw error;
  }
  await db.task.update({ where: { id: taskId }, data: { appliedCommit: commit } });
  recordEvent(taskId, opts.attempt, "task/applied", { branch, commit });
  await recordAudit({ actorId: actor.userId, actor: actor.email, action: "task.apply", taskId, details: { branch, commit, attempt: opts.attempt } });
  await refreshTaskStatus(taskId);
  const origin = await originOf(environment.repo);
  return { status: "success", applied: true, branch, commit, ...base, message: `Created ${branch} at ${commit.slice(0, 12)}.`, ...(origin ? { origin: displayUrl(origin) } : {}) };
}
