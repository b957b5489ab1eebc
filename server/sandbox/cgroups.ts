import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import path from "node:path";

// A cgroup per sandboxed process tree, where the kernel lets the server make one: memory and
// process limits for the whole tree. cgroup v2 (one hierarchy) or v1 (memory and pids
// controllers); neither (e.g. a container without cgroup access) leaves only RLIMIT_NPROC.

const ROOT = "/sys/fs/cgroup";
const GROUP = "codex-cloud";

export type CgroupSupport = { version: 2; dir: string } | { version: 1; memory: string; pids: string } | null;

const writable = (dir: string) => {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

function ensureDir(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    return true;
  } catch {
    return false;
  }
}

/** What this machine offers; decided once. */
export function detectCgroups(): CgroupSupport {
  const controllers = path.join(ROOT, "cgroup.controllers");
  if (existsSync(controllers)) {
    const have = readFileSync(controllers, "utf8").split(/\s+/);
    const dir = path.join(ROOT, GROUP);
    if (!have.includes("memory") || !have.includes("pids") || !writable(ROOT) || !ensureDir(dir)) return null;
    try {
      writeFileSync(path.join(ROOT, "cgroup.subtree_control"), "+memory +pids");
      writeFileSync(path.join(dir, "cgroup.subtree_control"), "+memory +pids");
      return { version: 2, dir };
    } catch {
      return null;
    }
  }
  const memory = path.join(ROOT, "memory", GROUP);
  const pids = path.join(ROOT, "pids", GROUP);
  if (!writable(path.join(ROOT, "memory")) || !writable(path.join(ROOT, "pids"))) return null;
  return ensureDir(memory) && ensureDir(pids) ? { version: 1, memory, pids } : null;
}

export interface Cgroup {
  /** The `cgroup.procs` files a process writes its pid to, to enter the group. */
  procs: string[];
  remove(): void;
}

/** A new group `name` with the limits; null when the machine offers none. */
export function createCgroup(support: CgroupSupport, name: string, limits: { memoryBytes: number; processes: number }): Cgroup | null {
  if (!support) return null;
  const dirs = support.version === 2 ? [path.join(support.dir, name)] : [path.join(support.memory, name), path.join(support.pids, name)];
  try {
    for (const dir of dirs) mkdirSync(dir);
    if (support.version === 2) {
      writeFileSync(path.join(dirs[0]!, "memory.max"), String(limits.memoryBytes));
      writeFileSync(path.join(dirs[0]!, "memory.swap.max"), "0");
      writeFileSync(path.join(dirs[0]!, "pids.max"), String(limits.processes));
    } else {
      writeFileSync(path.join(dirs[0]!, "memory.limit_in_bytes"), String(limits.memoryBytes));
      writeFileSync(path.join(dirs[1]!, "pids.max"), String(limits.processes));
    }
  } catch {
    removeDirs(dirs);
    return null;
  }
  return { procs: dirs.map((d) => path.join(d, "cgroup.procs")), remove: () => removeDirs(dirs) };
}

/**
 * Removes the group's folders; one still holding a process (its namespace is being torn down)
 * is tried again for a few seconds, then left for the next start's sweep.
 */
function removeDirs(dirs: string[], tries = 40): void {
  const busy = dirs.filter((dir) => {
    try {
      rmdirSync(dir);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EBUSY";
    }
  });
  if (busy.length > 0 && tries > 0) setTimeout(() => removeDirs(busy, tries - 1), 100).unref();
}

/** Removes the groups a previous run left behind (their processes died with it). */
export function sweepCgroups(support: CgroupSupport): void {
  if (!support) return;
  const parents = support.version === 2 ? [support.dir] : [support.memory, support.pids];
  for (const parent of parents) {
    const children = readdirSync(parent, { withFileTypes: true }).filter((d) => d.isDirectory());
    removeDirs(children.map((d) => path.join(parent, d.name)), 0);
  }
}
