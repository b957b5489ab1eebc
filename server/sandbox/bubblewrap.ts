import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { bridgeWrapper } from "./bridges";
import { type CgroupSupport, createCgroup } from "./cgroups";
import type { SandboxSpec } from "./spec";
import { SOCKET_DIR } from "./spec";
import { identityFiles, systemArgs, TASK_HOSTNAME } from "./system-view";

// bubblewrap (Debian's `bubblewrap`). As root, in two steps: an outer bwrap, run as root, makes
// the mount, PID, IPC, UTS, network and cgroup namespaces and shows exactly the spec's folders
// (as root it can reach them wherever DATA_DIR lies); then `setpriv` drops to the task's uid (no
// groups, no capabilities, no new privileges), `prlimit` caps its processes, and an inner,
// unprivileged bwrap gives it a user namespace of its own. Run by another user, one bwrap does
// it all as that user. Killing the returned process (the outer bwrap) ends the whole tree: its
// PID namespace dies with it.

const FIRST_FD = 3;
/** How many process trees of one task the uid-wide process limit leaves room for. */
export const UID_TREES = 4;

export interface HostTools {
  bwrap: string;
  prlimit: string;
  setpriv: string;
}

export interface BwrapCommand {
  argv: string[];
  /** Contents written to the pipes at fd 3, 4, ... (the generated files). */
  data: string[];
}

/**
 * The folders above `dir`, made explicitly (mode 0755): bwrap's own parents of a mount point
 * would not let the task's uid through. /usr is a read-only bind already.
 */
function parents(dir: string): string[] {
  const out: string[] = [];
  for (let p = path.dirname(dir); p !== "/"; p = path.dirname(p)) out.unshift(p);
  return out.filter((p) => p !== "/usr" && !p.startsWith("/usr/"));
}

export function bwrapCommand(spec: SandboxSpec, argv: string[], opts: { tools: HostTools; asRoot: boolean }): BwrapCommand {
  const { tools } = opts;
  const data: string[] = [];
  const outer = [tools.bwrap, "--die-with-parent", "--new-session", "--hostname", TASK_HOSTNAME];
  outer.push(...(opts.asRoot ? ["--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-net", "--unshare-cgroup-try"] : ["--unshare-all", "--uid", String(spec.uid), "--gid", String(spec.gid)]));
  outer.push(...systemArgs(), "--proc", "/proc", "--dev", "/dev", "--dir", "/var");
  outer.push("--perms", "1777", "--tmpfs", "/tmp", "--perms", "1777", "--tmpfs", "/var/tmp", "--tmpfs", "/run");
  const mounts = [...spec.mounts].sort((a, b) => a.path.length - b.path.length);
  const dirs = new Set(mounts.flatMap((m) => parents(m.path)));
  for (const dir of [...dirs].sort((a, b) => a.length - b.length)) outer.push("--dir", dir);
  for (const m of mounts) outer.push(m.writable ? "--bind" : "--ro-bind", m.path, m.path);
  if (spec.network) outer.push("--ro-bind", spec.network.socketDir, SOCKET_DIR);
  for (const file of [...identityFiles({ uid: spec.uid, gid: spec.gid, home: spec.env.HOME ?? "/tmp" }), ...spec.files]) {
    outer.push("--perms", "0444", "--ro-bind-data", String(FIRST_FD + data.length), file.path);
    data.push(file.content);
  }
  const command = [...(spec.network?.bridges.length ? bridgeWrapper(spec.network) : []), ...argv];
  // pids.max bounds each process tree (cgroups.ts); RLIMIT_NPROC counts every tree of the task's
  // uid together (setup, app-server, git), so it is the backstop, at a few trees' worth.
  const nproc = spec.limits.processes * UID_TREES;
  const limit = [tools.prlimit, `--nproc=${nproc}:${nproc}`, "--"];
  if (!opts.asRoot) return { argv: [...limit, ...outer, "--chdir", spec.cwd, "--", ...command], data };
  const drop = [tools.setpriv, "--reuid", String(spec.uid), "--regid", String(spec.gid), "--clear-groups", "--no-new-privs", "--"];
  const inner = [tools.bwrap, "--unshare-user", "--uid", String(spec.uid), "--gid", String(spec.gid), "--bind", "/", "/", "--dev-bind", "/dev", "/dev", "--die-with-parent", "--chdir", spec.cwd, "--"];
  return { argv: [...outer, "--", ...drop, ...limit, ...inner, ...command], data };
}

/** Starts `argv` in the sandbox; the child is the outer bwrap. */
export function spawnBubblewrap(opts: {
  spec: SandboxSpec;
  argv: string[];
  tools: HostTools;
  cgroups: CgroupSupport;
  cgroupName: string;
  /** The server runs as root: the two-step sandbox, with uids of its own and cgroups. */
  asRoot: boolean;
  detached?: boolean;
}): ChildProcessWithoutNullStreams {
  const { spec, asRoot } = opts;
  const bwrap = bwrapCommand(spec, opts.argv, { tools: opts.tools, asRoot });
  const cgroup = asRoot ? createCgroup(opts.cgroups, opts.cgroupName, spec.limits) : null;
  const argv = cgroup
    ? ["/bin/sh", "-c", `for f in ${cgroup.procs.map((p) => `'${p}'`).join(" ")}; do echo $$ > "$f" || exit 96; done; exec "$@"`, "codex-cloud-cgroup", ...bwrap.argv]
    : bwrap.argv;
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: "/",
    env: spec.env as NodeJS.ProcessEnv,
    stdio: ["pipe", "pipe", "pipe", ...bwrap.data.map(() => "pipe" as const)],
    detached: opts.detached ?? false,
  }) as ChildProcessWithoutNullStreams;
  bwrap.data.forEach((content, i) => {
    const pipe = child.stdio[FIRST_FD + i] as NodeJS.WritableStream & { on(event: "error", listener: () => void): void };
    pipe.on("error", () => undefined);
    pipe.end(content);
  });
  if (cgroup) child.once("exit", () => cgroup.remove());
  return child;
}
