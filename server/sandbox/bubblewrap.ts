import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { closeSync, constants, openSync } from "node:fs";
import { bridgeWrapper } from "./bridges";
import { type CgroupSupport, createCgroup } from "./cgroups";
import type { SandboxSpec } from "./spec";
import { SOCKET_DIR } from "./spec";
import { identityFiles, systemArgs, TASK_HOSTNAME } from "./system-view";

// bubblewrap (Debian's `bubblewrap`): every namespace of its own (user, mount, PID, IPC, UTS,
// network, cgroup), run as the task's uid. As root the server starts it through `setpriv`, so
// the uid is a real unprivileged host uid; the folders it shows are opened by the server and
// passed as file descriptors, so that uid never needs a way through DATA_DIR or the checkout.

const FIRST_FD = 3;

export interface BwrapCommand {
  args: string[];
  /** Open directory descriptors, passed to the child from fd 3 on, in this order. */
  dirFds: number[];
  /** Contents written to the pipes that follow the descriptors. */
  data: string[];
}

/** The bwrap command line for `argv` under `spec`; opens the mounts' folders (closed by the caller). */
export function bwrapCommand(spec: SandboxSpec, argv: string[]): BwrapCommand {
  const dirFds: number[] = [];
  const data: string[] = [];
  const nextFd = () => FIRST_FD + dirFds.length + data.length;
  const openDir = (dir: string) => {
    const fd = FIRST_FD + dirFds.length;
    dirFds.push(openSync(dir, constants.O_RDONLY | constants.O_DIRECTORY));
    return String(fd);
  };
  const args = ["--unshare-all", "--die-with-parent", "--new-session", "--hostname", TASK_HOSTNAME];
  args.push("--uid", String(spec.uid), "--gid", String(spec.gid));
  args.push(...systemArgs(), "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--tmpfs", "/var/tmp", "--tmpfs", "/run");
  try {
    const mounts = [...spec.mounts].sort((a, b) => a.path.length - b.path.length);
    for (const m of mounts) args.push(m.writable ? "--bind-fd" : "--ro-bind-fd", openDir(m.path), m.path);
    if (spec.network) args.push("--ro-bind-fd", openDir(spec.network.socketDir), SOCKET_DIR);
  } catch (error) {
    for (const fd of dirFds) closeSync(fd);
    throw error;
  }
  const home = spec.env.HOME ?? "/tmp";
  for (const file of [...identityFiles({ uid: spec.uid, gid: spec.gid, home }), ...spec.files]) {
    args.push("--ro-bind-data", String(nextFd()), file.path);
    data.push(file.content);
  }
  args.push("--chdir", spec.cwd, "--");
  if (spec.network?.bridges.length) args.push(...bridgeWrapper(spec.network));
  args.push(...argv);
  return { args, dirFds, data };
}

export interface HostTools {
  bwrap: string;
  prlimit: string;
  setpriv: string;
}

/**
 * Starts `argv` in the sandbox. The returned child is bwrap itself: killing it (SIGKILL) ends the
 * whole tree, since its PID namespace dies with it.
 */
export function spawnBubblewrap(opts: {
  spec: SandboxSpec;
  argv: string[];
  tools: HostTools;
  cgroups: CgroupSupport;
  cgroupName: string;
  detached?: boolean;
}): ChildProcessWithoutNullStreams {
  const { spec, tools } = opts;
  const bwrap = bwrapCommand(spec, opts.argv);
  const limited = [tools.prlimit, `--nproc=${spec.limits.processes}:${spec.limits.processes}`, "--", tools.bwrap, ...bwrap.args];
  const asRoot = process.getuid?.() === 0;
  const dropped = asRoot ? [tools.setpriv, "--reuid", String(spec.uid), "--regid", String(spec.gid), "--clear-groups", "--", ...limited] : limited;
  const cgroup = asRoot ? createCgroup(opts.cgroups, opts.cgroupName, spec.limits) : null;
  const argv = cgroup
    ? ["/bin/sh", "-c", `for f in ${cgroup.procs.map((p) => `'${p}'`).join(" ")}; do echo $$ > "$f" || exit 96; done; exec "$@"`, "codex-cloud-cgroup", ...dropped]
    : dropped;
  let child: ChildProcessWithoutNullStreams;
  try {
    child = spawn(argv[0]!, argv.slice(1), {
      cwd: "/",
      env: spec.env as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe", ...bwrap.dirFds, ...bwrap.data.map(() => "pipe" as const)],
      detached: opts.detached ?? false,
    }) as ChildProcessWithoutNullStreams;
  } finally {
    for (const fd of bwrap.dirFds) closeSync(fd);
  }
  bwrap.data.forEach((content, i) => {
    const pipe = child.stdio[FIRST_FD + bwrap.dirFds.length + i] as NodeJS.WritableStream & { on(e: "error", f: () => void): void };
    pipe.on("error", () => undefined);
    pipe.end(content);
  });
  if (cgroup) child.once("exit", () => cgroup.remove());
  return child;
}
