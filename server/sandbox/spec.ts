// What a sandboxed process may see and do. Drivers (bubblewrap.ts, unsandboxed.ts) turn a spec
// into a process; task-sandbox.ts builds the specs of a task's setup script, app-server and git.

/** A host folder shown inside at the same path (its parents appear as empty folders of their own). */
export interface SandboxMount {
  path: string;
  writable: boolean;
}

/** A file made for the sandbox (its /etc/passwd, a config.toml), read-only inside. */
export interface SandboxFile {
  path: string;
  content: string;
}

/** A loopback TCP port inside that leads to a Unix socket of the server (model, egress proxy). */
export interface SandboxBridge {
  port: number;
  /** The socket's file name in the network's `socketDir`. */
  socket: string;
}

/**
 * The sandbox has a network namespace of its own with only loopback; its way out is these
 * bridges to sockets the server listens on, in a host folder shown read-only at SOCKET_DIR.
 */
export interface SandboxNetwork {
  socketDir: string;
  bridges: SandboxBridge[];
}

export interface SandboxSpec {
  /** Host user and group the processes run as: never 0, never the server's. */
  uid: number;
  gid: number;
  /** Folders of the task (workspaces, CODEX_HOME, HOME) and read-only tools (codex). */
  mounts: SandboxMount[];
  files: SandboxFile[];
  cwd: string;
  /** The whole environment of the process: nothing of the server's is inherited. */
  env: Record<string, string>;
  network: SandboxNetwork | null;
  limits: SandboxLimits;
}

export interface SandboxLimits {
  /** Processes and threads of the task's uid (RLIMIT_NPROC; also pids.max where cgroups allow). */
  processes: number;
  /** Memory of the process tree in bytes, where the kernel offers a memory cgroup. */
  memoryBytes: number;
}

/** Where, inside a sandbox, the bridges' sockets are found. */
export const SOCKET_DIR = "/run/codex-cloud";
