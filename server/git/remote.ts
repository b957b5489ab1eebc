import { git, GitError } from "./git";
import { type ForgeKindName, type GitCredential, scrubCredential, withGitCredential } from "./remote-auth";

/** A remote repository and what git needs to reach it. */
export interface RemoteTarget {
  repo: string;
  credential: GitCredential | null;
  forge?: ForgeKindName | null;
}

/** git's own words for why a remote operation failed, without the credential; "timed out after N s" past the limit. */
export function remoteReason(error: unknown, credential: GitCredential | null): string {
  const text = error instanceof GitError ? error.stderr : String((error as Error)?.message ?? error);
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  return scrubCredential(lines.join(" ").slice(0, 2000) || "git failed without saying why", credential);
}

/** Runs git against the remote with its credential; a failure rejects with a GitError whose stderr is scrubbed. */
export async function remoteGit(target: RemoteTarget, args: string[], opts: { cwd: string; timeoutMs: number }): Promise<string> {
  return withGitCredential(target, (env) =>
    git(args, { cwd: opts.cwd, env, timeoutMs: opts.timeoutMs }).catch((error: unknown) => {
      if (error instanceof GitError) throw new GitError(error.args, remoteReason(error, target.credential), error.exitCode);
      throw error;
    }),
  );
}

/** The remote's branches and the one its HEAD names (null when it has none, or an empty repository). */
export async function listRemoteBranches(target: RemoteTarget, timeoutMs: number): Promise<{ branches: string[]; head: string | null }> {
  const out = await remoteGit(target, ["ls-remote", "--symref", target.repo, "HEAD", "refs/heads/*"], { cwd: "/", timeoutMs });
  const branches: string[] = [];
  let head: string | null = null;
  for (const line of out.split("\n")) {
    const symref = /^ref: refs\/heads\/(.+)\tHEAD$/.exec(line);
    if (symref) head = symref[1]!;
    const ref = /^[0-9a-f]{40,64}\trefs\/heads\/(.+)$/.exec(line);
    if (ref) branches.push(ref[1]!);
  }
  return { branches: branches.sort(), head };
}
