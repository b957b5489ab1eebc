import type { TPullRequest, TPullRequestRequest } from "@/lib/schemas/pull-requests";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { env } from "../env";
import { type Forge, ForgeError, forgeFor, parseRepoUrl, pullRequestBranch, type RepoRef } from "../forges";
import type { Attempt, Environment, PullRequest, Task } from "../generated/prisma/client";
import { commitOnto, treeOf } from "../git/apply-patch";
import { GitError } from "../git/git";
import { syncMirror } from "../git/mirror";
import { deleteRemoteBranch, pushCommit, remoteBranchTip } from "../git/push";
import { type RemoteTarget, remoteReason } from "../git/remote";
import { AppError, notFound } from "../http/errors";
import { logger } from "../logger";
import { findTaskForUser } from "../permissions/tasks";
import { refreshTaskStatus } from "../runner/task-state";
import { recordAudit } from "./audit";
import { remoteTarget } from "./environment-remote";
import { pullRequestText } from "./pull-request-text";

// Delivery on a remote environment: the attempt's diff becomes a commit in the environment's
// mirror (host-side git, never the workspace), pushed to a readable branch, and a pull request
// is opened against the task's branch. Later calls push a new commit with the attempt's current
// diff on top of the last one pushed. A row is written only once both the branch and the pull
// request exist; a pull request that cannot be opened takes its new branch away again.

/** Everything a delivery needs about the task's environment. */
interface Destination {
  target: RemoteTarget;
  forge: Forge;
  repo: RepoRef;
  mirror: string;
}

const timeoutMs = () => env().GIT_REMOTE_TIMEOUT_MS;
const toApi = (row: PullRequest): TPullRequest => ({
  url: row.url,
  number: row.number,
  state: row.state,
  draft: row.draft,
  branch: row.branch,
  commit: row.commit,
  attempt: row.attempt,
});

// One delivery per task at a time: a second click waits for nothing and is told so.
const delivering = new Set<string>();

function destinationParts(environment: Environment): Omit<Destination, "mirror"> {
  const target = remoteTarget(environment);
  if (!target) throw new AppError("VALIDATION_FAILED", "This environment's repository is on this server: use Apply to make a branch there.");
  if (!environment.forgeKind || !environment.forgeApiUrl) {
    throw new AppError("VALIDATION_FAILED", "This environment has no git host set (forge): an administrator chooses GitHub, GitLab or Gitea for it.");
  }
  if (!target.credential?.token) {
    throw new AppError("VALIDATION_FAILED", "Opening a pull request needs the environment's access token (an ssh key can push but cannot use the host's API).");
  }
  const repo = parseRepoUrl(environment.repo);
  if (!repo) throw new AppError("VALIDATION_FAILED", `Cannot tell the owner and name of the repository from ${environment.repo}.`);
  const forge = forgeFor({ kind: environment.forgeKind, apiUrl: environment.forgeApiUrl, token: target.credential.token, timeoutMs: timeoutMs() });
  return { target, forge, repo };
}

async function withMirror(environment: Environment, parts: Omit<Destination, "mirror">): Promise<Destination> {
  const mirror = await syncMirror({ environmentId: environment.id, target: parts.target }).catch((error: unknown) => {
    throw new AppError("UNAVAILABLE", `Could not fetch ${environment.repo}: ${remoteReason(error, parts.target.credential)}`);
  });
  return { ...parts, mirror };
}

/** git failures of a push become readable errors with git's reason (never the credential). */
function gitFailure(what: string, target: RemoteTarget) {
  return (error: unknown): never => {
    if (error instanceof GitError) throw new AppError("CONFLICT", `${what}: ${remoteReason(error, target.credential)}`);
    throw error;
  };
}

function pickAttempt(attempts: Attempt[], requested: number | undefined, existing: PullRequest | null): Attempt {
  const index = existing?.attempt ?? requested;
  const attempt = index === undefined ? attempts.find((a) => a.diff?.trim()) : attempts.find((a) => a.index === index);
  if (!attempt) throw index === undefined ? new AppError("VALIDATION_FAILED", "No attempt of this task changed anything.") : notFound("Attempt");
  if (existing && requested !== undefined && requested !== existing.attempt) {
    throw new AppError("CONFLICT", `This task's pull request carries attempt ${existing.attempt + 1}; it cannot switch to another attempt.`);
  }
  if (attempt.status === "queued" || attempt.status === "running") throw new AppError("CONFLICT", "This attempt is still running; wait for it to finish.");
  if (!attempt.diff?.trim()) throw new AppError("VALIDATION_FAILED", "This attempt changed nothing.");
  if (!attempt.baseCommit) throw new AppError("CONFLICT", "This attempt has no base commit to build on.");
  return attempt;
}

async function author(actor: Actor) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true } });
  return { name: user.name ?? user.email.split("@")[0] ?? user.email, email: user.email };
}

/** POST /api/tasks/:id/pull-request: opens it (201) the first time, pushes new commits to it (200) after. */
export async function deliverPullRequest(actor: Actor, taskId: string, request: TPullRequestRequest): Promise<{ created: boolean; pullRequest: TPullRequest }> {
  const task = await findTaskForUser(actor.userId, taskId);
  if (delivering.has(taskId)) throw new AppError("CONFLICT", "This task's pull request is being pushed already.");
  delivering.add(taskId);
  try {
    const [environment, attempts, existing] = await Promise.all([
      db.environment.findUniqueOrThrow({ where: { id: task.environmentId } }),
      db.attempt.findMany({ where: { taskId }, orderBy: { index: "asc" } }),
      db.pullRequest.findUnique({ where: { taskId } }),
    ]);
    const parts = destinationParts(environment);
    const attempt = pickAttempt(attempts, request.attempt, existing);
    const delivery = { actor, task, attempt, environment, parts };
    if (existing) return { created: false, pullRequest: await update({ ...delivery, existing }) };
    return { created: true, pullRequest: await open({ ...delivery, request }) };
  } finally {
    delivering.delete(taskId);
  }
}

interface Delivery {
  actor: Actor;
  task: Task;
  attempt: Attempt;
  environment: Environment;
  parts: Omit<Destination, "mirror">;
}

async function open(opts: Delivery & { request: TPullRequestRequest }): Promise<TPullRequest> {
  const { actor, task, attempt } = opts;
  const branch = await pullRequestBranch({ title: task.title, taskId: task.id, requested: opts.request.branchName });
  const dest = await withMirror(opts.environment, opts.parts);
  if (await remoteBranchTip(dest.target, branch, timeoutMs()).catch(gitFailure("Could not read the remote's branches", dest.target))) {
    throw new AppError("CONFLICT", `Branch ${branch} already exists on ${opts.environment.repo}; choose another name.`);
  }
  const text = await pullRequestText({ task, attempt: attempt.index, diff: attempt.diff! });
  const commit = await commitOnto({ repo: dest.mirror, base: attempt.baseCommit!, patch: attempt.diff!, message: `${text.title}\n\nFrom Codex Cloud task ${task.id} (attempt ${attempt.index + 1}).\n`, author: await author(actor) });
  await pushCommit(dest.target, { mirror: dest.mirror, commit, branch, timeoutMs: timeoutMs() }).catch(gitFailure(`Could not push ${branch}`, dest.target));
  await recordAudit({ actorId: actor.userId, actor: actor.email, action: "pull_request.push", taskId: task.id, details: { branch, commit } });
  const draft = opts.request.draft ?? false;
  let opened;
  try {
    opened = await dest.forge.openPullRequest({ repo: dest.repo, head: branch, base: task.branch, title: text.title, body: text.body, draft });
  } catch (error) {
    await deleteRemoteBranch(dest.target, { mirror: dest.mirror, branch, timeoutMs: timeoutMs() }).catch((e: unknown) => logger.warn("could not remove a pushed branch", { taskId: task.id, branch, error: e }));
    await recordAudit({ actorId: actor.userId, actor: actor.email, action: "pull_request.push_undone", taskId: task.id, details: { branch, reason: (error as Error).message } });
    throw error;
  }
  const row = await db.pullRequest.create({
    data: { taskId: task.id, attempt: attempt.index, forge: dest.forge.kind, url: opened.url, number: opened.number, state: opened.state, draft: opened.draft, branch, commit },
  });
  await recordAudit({ actorId: actor.userId, actor: actor.email, action: "pull_request.create", taskId: task.id, details: { url: row.url, number: row.number, branch, commit } });
  await refreshTaskStatus(task.id, { force: true });
  return toApi(row);
}

async function update(opts: Delivery & { existing: PullRequest }): Promise<TPullRequest> {
  const { actor, task, attempt, existing } = opts;
  const current = await refreshState(existing, opts.parts.forge, opts.parts.repo);
  if (current.state !== "open") {
    throw new AppError("CONFLICT", `Pull request #${current.number} was ${current.state} meanwhile; nothing was pushed. Start a new task to propose more changes.`);
  }
  const dest = await withMirror(opts.environment, opts.parts);
  const tip = await remoteBranchTip(dest.target, existing.branch, timeoutMs()).catch(gitFailure("Could not read the remote's branches", dest.target));
  if (tip !== existing.commit) {
    throw new AppError("CONFLICT", `Branch ${existing.branch} ${tip ? "has commits pushed by someone else" : "was deleted"} since the last push; nothing was overwritten.`);
  }
  const text = await pullRequestText({ task, attempt: attempt.index, diff: attempt.diff! });
  const commit = await commitOnto({ repo: dest.mirror, base: attempt.baseCommit!, parent: existing.commit, patch: attempt.diff!, message: `Follow-up: ${text.title}\n\nFrom Codex Cloud task ${task.id} (attempt ${attempt.index + 1}).\n`, author: await author(actor) });
  if ((await treeOf(dest.mirror, commit)) === (await treeOf(dest.mirror, existing.commit))) return toApi(current);
  await pushCommit(dest.target, { mirror: dest.mirror, commit, branch: existing.branch, timeoutMs: timeoutMs() }).catch(gitFailure(`Could not push ${existing.branch}`, dest.target));
  const row = await db.pullRequest.update({ where: { id: existing.id }, data: { commit } });
  await recordAudit({ actorId: actor.userId, actor: actor.email, action: "pull_request.update", taskId: task.id, details: { url: row.url, number: row.number, branch: row.branch, commit } });
  // The description follows the work; the branch already carries it if the host refuses.
  await dest.forge.updatePullRequest({ repo: dest.repo, number: row.number, body: text.body }).catch((error: unknown) => logger.warn("pull request description not updated", { taskId: task.id, error }));
  await refreshTaskStatus(task.id, { force: true });
  return toApi(row);
}

/** The stored row with the host's current state (kept as stored when the host cannot be asked). */
async function refreshState(row: PullRequest, forge: Forge, repo: RepoRef): Promise<PullRequest> {
  let fresh;
  try {
    fresh = await forge.getPullRequest({ repo, number: row.number });
  } catch (error) {
    if (error instanceof ForgeError && error.failure !== "not_found") logger.warn("pull request state not refreshed", { taskId: row.taskId, error: error.message });
    return row;
  }
  if (fresh.state === row.state && fresh.draft === row.draft) return row;
  const updated = await db.pullRequest.update({ where: { id: row.id }, data: { state: fresh.state, draft: fresh.draft } });
  await refreshTaskStatus(row.taskId, { force: true });
  return updated;
}

/** GET /api/tasks/:id/pull-request: the task's pull request with a fresh state, or 404. */
export async function getPullRequest(actor: Actor, taskId: string): Promise<TPullRequest> {
  const task = await findTaskForUser(actor.userId, taskId);
  const row = await db.pullRequest.findUnique({ where: { taskId } });
  if (!row) throw notFound("Pull request");
  const environment = await db.environment.findUniqueOrThrow({ where: { id: task.environmentId } });
  let parts;
  try {
    parts = destinationParts(environment);
  } catch {
    return toApi(row);
  }
  return toApi(await refreshState(row, parts.forge, parts.repo));
}
