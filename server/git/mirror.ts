import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { env } from "../env";
import { git } from "./git";
import { remoteGit, type RemoteTarget } from "./remote";

// One bare mirror per remote environment, DATA_DIR/mirrors/<environmentId>.git (no sandbox sees
// it). Task starts fetch it (branches and tags, pruned) and clone their workspaces from it, so
// only the fetch touches the network. Concurrent syncs of one mirror share one fetch.

export const mirrorDir = (environmentId: string) => path.join(env().DATA_DIR, "mirrors", `${environmentId}.git`);

// On globalThis: one flight per mirror in the process, whichever module graph asks.
const holder = globalThis as unknown as { __codexCloudMirrorSyncs?: Map<string, Promise<string>> };
const inFlight = () => (holder.__codexCloudMirrorSyncs ??= new Map());

async function fetchMirror(environmentId: string, target: RemoteTarget, timeoutMs: number): Promise<string> {
  const dir = mirrorDir(environmentId);
  if (!existsSync(path.join(dir, "HEAD"))) {
    await mkdir(dir, { recursive: true });
    await git(["init", "--quiet", "--bare"], { cwd: dir });
  }
  // The URL is given on each fetch, so a changed environment URL is followed; nothing of it is stored.
  await remoteGit(target, ["fetch", "--quiet", "--prune", "--no-write-fetch-head", target.repo, "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"], { cwd: dir, timeoutMs });
  return dir;
}

/**
 * Brings the environment's mirror up to date with its remote and resolves its path. A sync
 * asked for while one runs joins it. Rejects with a GitError carrying git's (scrubbed) reason.
 */
export function syncMirror(opts: { environmentId: string; target: RemoteTarget; timeoutMs?: number }): Promise<string> {
  const running = inFlight().get(opts.environmentId);
  if (running) return running;
  const flight = fetchMirror(opts.environmentId, opts.target, opts.timeoutMs ?? env().GIT_FETCH_TIMEOUT_SEC * 1000).finally(() => {
    inFlight().delete(opts.environmentId);
  });
  inFlight().set(opts.environmentId, flight);
  return flight;
}

export async function removeMirror(environmentId: string): Promise<void> {
  await rm(mirrorDir(environmentId), { recursive: true, force: true });
}
