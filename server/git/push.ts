import { type RemoteTarget, remoteGit } from "./remote";

// Pushes from an environment's mirror to its remote, with the environment's credential. Only
// commits we made there go out; a branch is created only where none exists, and moved only
// forward.

/** The commit a branch of the remote points at, or null when it has no such branch. */
export async function remoteBranchTip(target: RemoteTarget, branch: string, timeoutMs: number): Promise<string | null> {
  const out = await remoteGit(target, ["ls-remote", target.repo, `refs/heads/${branch}`], { cwd: "/", timeoutMs });
  const line = out.split("\n").find((l) => l.endsWith(`\trefs/heads/${branch}`));
  return line ? line.split("\t")[0]! : null;
}

/** Pushes `commit` to the remote's `branch`; git refuses anything but a new branch or a fast-forward. */
export async function pushCommit(target: RemoteTarget, opts: { mirror: string; commit: string; branch: string; timeoutMs: number }): Promise<void> {
  await remoteGit(target, ["push", "--quiet", "--no-verify", target.repo, `${opts.commit}:refs/heads/${opts.branch}`], { cwd: opts.mirror, timeoutMs: opts.timeoutMs });
}

/** Removes a branch we pushed whose pull request could not be opened, so nothing is left half-done. */
export async function deleteRemoteBranch(target: RemoteTarget, opts: { mirror: string; branch: string; timeoutMs: number }): Promise<void> {
  await remoteGit(target, ["push", "--quiet", "--no-verify", target.repo, `:refs/heads/${opts.branch}`], { cwd: opts.mirror, timeoutMs: opts.timeoutMs });
}
