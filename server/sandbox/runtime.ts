import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { env } from "../env";
import { spawnBubblewrap, type HostTools } from "./bubblewrap";
import { type CgroupSupport, detectCgroups, sweepCgroups } from "./cgroups";
import type { SandboxSpec } from "./spec";

// The sandbox driver of this server process, chosen once from SANDBOX: "bubblewrap" (default)
// or "none" (development only: tasks run as the server's user, with a warning on every task).

export type SandboxDriverName = "bubblewrap" | "none";

export interface SandboxRuntime {
  driver: SandboxDriverName;
  /** True when the sandbox's processes run as uids of their own (the server runs as root). */
  ownUids: boolean;
  /** Memory and pids cgroups per sandbox, when the kernel lets us make them. */
  cgroups: CgroupSupport;
  spawn(spec: SandboxSpec, argv: string[], opts: { name: string; detached?: boolean }): ChildProcessWithoutNullStreams;
}

function which(name: string): string | null {
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(path.delimiter)) {
    const candidate = path.join(dir || ".", name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

/** Thrown at start-up when the sandbox cannot work here; the message says why and how to fix it. */
export class SandboxUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SandboxUnavailableError";
  }
}

function hostTools(): HostTools {
  const found = { bwrap: which("bwrap"), prlimit: which("prlimit"), setpriv: which("setpriv"), socat: which("socat") };
  const missing = Object.entries(found).filter(([, p]) => !p).map(([name]) => name);
  if (missing.length > 0) {
    const packages = missing.map((m) => ({ bwrap: "bubblewrap", socat: "socat" })[m as "bwrap"] ?? "util-linux").join(" ");
    throw new SandboxUnavailableError(
      `Tasks run in a bubblewrap sandbox, but ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not installed. ` +
        `Install it (Debian/Ubuntu: apt-get install -y ${[...new Set(packages.split(" "))].join(" ")}), or set SANDBOX=none for development only.`,
    );
  }
  return found as HostTools & { socat: string };
}

function unsandboxed(): SandboxRuntime {
  return {
    driver: "none",
    ownUids: false,
    cgroups: null,
    spawn: (spec, argv, opts) =>
      spawn(argv[0]!, argv.slice(1), { cwd: spec.cwd, env: spec.env as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe"], detached: opts.detached ?? false }),
  };
}

function bubblewrap(): SandboxRuntime {
  const tools = hostTools();
  const ownUids = process.getuid?.() === 0;
  const cgroups = ownUids ? detectCgroups() : null;
  sweepCgroups(cgroups);
  return {
    driver: "bubblewrap",
    ownUids,
    cgroups,
    spawn: (spec, argv, opts) => spawnBubblewrap({ spec, argv, tools, cgroups, cgroupName: opts.name, asRoot: ownUids, detached: opts.detached }),
  };
}

const holder = globalThis as unknown as { __codexCloudSandbox?: SandboxRuntime };

/** The process-wide sandbox runtime; throws SandboxUnavailableError when bubblewrap is missing. */
export function sandboxRuntime(): SandboxRuntime {
  holder.__codexCloudSandbox ??= env().SANDBOX === "none" ? unsandboxed() : bubblewrap();
  return holder.__codexCloudSandbox;
}
