import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { TaskSandbox } from "../server/sandbox/task-sandbox";
import { nowMs, round, summarize } from "./lib/stats";

// Part of figure 2: what the task sandbox itself adds to starting a process — `/bin/true` in a
// sandbox with the model's bridge (bwrap twice, setpriv, prlimit, socat listening, the
// forwarder's socket), against spawning it directly.

async function timed(start: () => ReturnType<typeof spawn>): Promise<number> {
  const t0 = nowMs();
  const child = start();
  child.stdin?.end();
  await new Promise((resolve) => child.on("close", resolve));
  return nowMs() - t0;
}

export async function sandboxCost(opts: { dataDir: string; modelUrl: string; rounds: number }): Promise<{ sandboxMs: number; plainMs: number; costMs: number }> {
  const dir = await mkdtemp(path.join(opts.dataDir, "sandbox-cost-"));
  try {
    const sandbox = new TaskSandbox("bench-sandbox-cost", path.join(dir, "task"));
    await sandbox.prepare();
    const inSandbox: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < opts.rounds; i += 1) {
      const t0 = nowMs();
      const child = await sandbox.spawn({ argv: ["/bin/true"], cwd: sandbox.dir, model: { baseUrl: opts.modelUrl } });
      child.stdin.end();
      await new Promise((resolve) => child.on("close", resolve));
      inSandbox.push(nowMs() - t0);
      plain.push(await timed(() => spawn("/bin/true", [], { stdio: ["pipe", "ignore", "ignore"] })));
    }
    const sandboxMs = summarize(inSandbox).p50;
    const plainMs = summarize(plain).p50;
    return { sandboxMs: round(sandboxMs, 1), plainMs: round(plainMs, 1), costMs: round(sandboxMs - plainMs, 1) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
