import { readFileSync, readdirSync } from "node:fs";

// Process facts read from /proc (Linux): RSS and the children of a process.

/** VmRSS of a process in MB, or null when it is gone. */
export function rssMb(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Direct children of `pid`. */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** Every process below `pid`. */
function descendantsOf(pid: number): number[] {
  const children = childrenOf(pid);
  return [...children, ...children.flatMap(descendantsOf)];
}

/**
 * Processes below `pid` running `codex app-server` (native binary or the Node wrapper), however
 * deep: in the task sandbox it runs under bwrap, setpriv and prlimit, which name it too.
 */
export function codexChildren(pid: number): { pid: number; exe: string; native: boolean }[] {
  return descendantsOf(pid).flatMap((child) => {
    let args: string[];
    try {
      args = readFileSync(`/proc/${child}/cmdline`, "utf8").split("\0");
    } catch {
      return [];
    }
    const exe = args[0] ?? "";
    if (!args.includes("app-server") || !/(^|\/)(codex|node)$/.test(exe)) return [];
    return [{ pid: child, exe, native: !/(^|\/)node$/.test(exe) && exe.endsWith("/codex") }];
  });
}

/** CPU time (user + system) a process has used so far, in ms (10 ms resolution), or null. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
