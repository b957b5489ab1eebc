import type { TPushResult } from "@/lib/schemas/apply";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { env } from "../env";
import { git, GitError } from "../git/git";
import { isGitUrl } from "../git/repo";
import { AppError } from "../http/errors";
import { findTaskForUser } from "../permissions/tasks";
import { recordAudit } from "./audit";

// A local environment's repository may have an `origin` of its own (a clone of the team's
// repository, set up by the administrator): an applied task's branch can go there too, pushed by
// the server's own git with whatever credentials its user has for that remote.

/** A remote URL fit to show: no user name, password or token. */
export function displayUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, "$1");
}

/** The repository's `origin` URL, or null when it has none. */
export async function originOf(repo: string): Promise<string | null> {
  return git(["remote", "get-url", "origin"], { cwd: repo }).then((out) => out.trim() || null, () => null);
}

/** POST /api/tasks/:id/push: the applied branch to the local repository's origin. */
export async function pushToOrigin(actor: Actor, taskId: string): Promise<TPushResult> {
  const task = await findTaskForUser(actor.userId, taskId);
  if (!task.appliedBranch || !task.appliedCommit) throw new AppError("CONFLICT", "Apply the task first: there is no branch to push yet.");
  const environment = await db.environment.findUniqueOrThrow({ where: { id: task.environmentId } });
  if (isGitUrl(environment.repo)) throw new AppError("CONFLICT", "This environment is remote: its work goes out as a pull request.");
  const origin = await originOf(environment.repo);
  if (!origin) throw new AppError("CONFLICT", `${environment.repo} has no origin remote to push to.`);
  const branch = task.appliedBranch;
  try {
    await git(["push", "--quiet", "--no-verify", "origin", `refs/heads/${branch}:refs/heads/${branch}`], { cwd: environment.repo, timeoutMs: env().GIT_REMOTE_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof GitError) throw new AppError("CONFLICT", `Could not push ${branch} to ${displayUrl(origin)}: ${error.stderr.trim() || error.message}`);
    throw error;
  }
  const remote = displayUrl(origin);
  await recordAudit({ actorId: actor.userId, actor: actor.email, action: "task.push", taskId, details: { branch, commit: task.appliedCommit, remote } });
  return { branch, commit: task.appliedCommit, remote };
}
