import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile, readlink, realpath, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";

// Operating-system facts the embedded PostgreSQL manager needs: who runs postgres, whether that
// user can reach a folder, whether a postmaster is still alive, and which ports are free.

export interface UnixIds {
  uid: number;
  gid: number;
}

const run = promisify(execFile);

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** uid/gid of a local user, or null when it does not exist. */
export async function userIds(name: string): Promise<UnixIds | null> {
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", name]), run("id", ["-g", name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}

/**
 * The first folder on the way to `target` (inclusive) that `ids` may not enter, or null.
 * `mode` is its permission bits in octal, e.g. "700".
 * Node drops supplementary groups when it spawns a process with another uid, so the owner,
 * group and other execute bits are all that count (ACLs are not consulted).
 */
export async function untraversableAncestor(
  target: string,
  ids: UnixIds,
): Promise<{ path: string; mode: string } | null> {
  let dir = path.resolve(target);
  const chain: string[] = [];
  for (;;) {
    chain.unshift(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const folder of chain) {
    const info = await stat(folder);
    const bit = info.uid === ids.uid ? 0o100 : info.gid === ids.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) return { path: folder, mode: (info.mode & 0o777).toString(8).padStart(3, "0") };
  }
  return null;
}

/**
 * Whether `pid` runs. A zombie counts as gone: an orphaned postmaster is re-parented to PID 1,
 * which may reap it late (over a second here) or never (a container whose PID 1 is not an init).
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  const stat = readProcStat(pid);
  return stat === null || !/^[ZX]/.test(stat);
}

/** Fields of /proc/<pid>/stat after the command name (Linux), starting with the state letter. */
function readProcStat(pid: number): string | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    return text.slice(text.lastIndexOf(")") + 2);
  } catch {
    return null;
  }
}

/** The PID recorded in `<clusterDir>/postmaster.pid`, or null when there is none. */
export async function postmasterPid(clusterDir: string): Promise<number | null> {
  const text = await readFile(path.join(clusterDir, "postmaster.pid"), "utf8").catch(() => null);
  const pid = Number(text?.split("\n", 1)[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * Whether `pid` is a live postmaster serving `clusterDir`. On Linux the postmaster's working
 * directory is its data directory, which rules out a recycled PID; where that cannot be read
 * (another OS, another user's process), a live PID counts.
 */
export async function isPostmasterOf(pid: number, clusterDir: string): Promise<boolean> {
  if (!processAlive(pid)) return false;
  const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => null);
  if (cwd === null) return true;
  return cwd === (await realpath(clusterDir));
}

export async function waitForExit(opts: { pid: number; timeoutMs: number }): Promise<boolean> {
  const deadline = Date.now() + opts.timeoutMs;
  while (processAlive(opts.pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
