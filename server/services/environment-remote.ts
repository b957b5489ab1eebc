import type { TBranch } from "@/lib/schemas/environment-remote";
import type { Actor } from "../auth/actor";
import { env } from "../env";
import type { Environment } from "../generated/prisma/client";
import { git } from "../git/git";
import { listRemoteBranches, remoteReason, type RemoteTarget } from "../git/remote";
import { isRemoteRepo } from "../git/remote-url";
import { AppError } from "../http/errors";
import { findEnvironment } from "../permissions/environments";
import { storedCredential } from "./environment-credential";

/** How server-side git reaches a remote environment's repository, or null for a local one. */
export function remoteTarget(row: Environment): RemoteTarget | null {
  if (!isRemoteRepo(row.repo)) return null;
  return { repo: row.repo, credential: storedCredential(row), forge: row.forgeKind };
}

/**
 * Whether git can reach the remote with the credential (ls-remote, GIT_REMOTE_TIMEOUT_MS): its
 * branches and HEAD, or 400 with git's reason (credential scrubbed) under `repo`.
 */
export async function checkRemote(target: RemoteTarget, code: "VALIDATION_FAILED" | "UNAVAILABLE" = "VALIDATION_FAILED"): Promise<{ branches: string[]; head: string | null }> {
  try {
    return await listRemoteBranches(target, env().GIT_REMOTE_TIMEOUT_MS);
  } catch (error) {
    const message = `git could not read ${target.repo}: ${remoteReason(error, target.credential)}`;
    throw new AppError(code, message, code === "VALIDATION_FAILED" ? [{ path: ["repo"], message }] : undefined);
  }
}

const localPath = (repo: string) => (repo.startsWith("file://") ? repo.slice("file://".length) : repo);

/** The environment's branches, its default branch marked: from the remote (503 with git's reason when it cannot be read), or from the repository on this server. */
export async function listBranches(_actor: Actor, id: string): Promise<{ items: TBranch[] }> {
  const environment = await findEnvironment(id);
  const target = remoteTarget(environment);
  const names = target
    ? (await checkRemote(target, "UNAVAILABLE")).branches
    : (await git(["for-each-ref", "--format=%(refname:short)", "refs/heads"], { cwd: localPath(environment.repo) })).split("\n").filter(Boolean);
  return { items: names.map((name) => ({ name, default: name === environment.defaultBranch })) };
}
