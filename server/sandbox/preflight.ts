import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { logger } from "../logger";
import { SandboxUnavailableError, sandboxRuntime } from "./runtime";
import { TaskSandbox } from "./task-sandbox";

// At start-up: a task sandbox must work here before the server takes any task. One trial run
// proves the namespaces, the uid switch and the bridge tool; a failure stops the server with
// bwrap's reason and what to do about it.

const HINT =
  "Tasks run in a bubblewrap sandbox, which needs user namespaces. Enable them (sysctl kernel.unprivileged_userns_clone=1 and " +
  "user.max_user_namespaces > 0; on Ubuntu 24.04 also kernel.apparmor_restrict_unprivileged_userns=0), or in Docker run the container " +
  "with --security-opt seccomp=unconfined --security-opt apparmor=unconfined (or --privileged). SANDBOX=none runs tasks unsandboxed, for development only.";

export async function checkSandbox(): Promise<void> {
  const runtime = sandboxRuntime();
  if (runtime.driver === "none") {
    logger.warn("SANDBOX=none: tasks run WITHOUT a sandbox, as the server's own user, and can read its files and secrets; use this for development only");
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), "codex-sandbox-check-"));
  try {
    // Named per check: servers starting at once on one machine share the cgroup hierarchy.
    const sandbox = new TaskSandbox(`preflight-${path.basename(dir)}`, path.join(dir, "task"), runtime);
    await sandbox.prepare();
    const child = await sandbox.spawn({ argv: ["/bin/sh", "-c", 'test "$(id -u)" != 0 && command -v socat >/dev/null && echo ready'], cwd: sandbox.dir });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => {
      child.on("error", (error) => ((output += error.message), resolve(null)));
      child.on("close", resolve);
    });
    if (code !== 0 || !output.includes("ready")) {
      throw new SandboxUnavailableError(`The task sandbox does not work on this machine (${output.trim() || `exit ${code}`}). ${HINT}`);
    }
    logger.info("sandbox ready", { driver: runtime.driver, ownUids: runtime.ownUids, cgroups: runtime.cgroups?.version ?? "none" });
    if (!runtime.ownUids) logger.warn("the server does not run as root: task sandboxes run as the server's own uid (in namespaces of their own)");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
