import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startEmbeddedPostgres } from "../../server/db/embedded";
import { createScratchDatabase } from "../../e2e/fixtures/scratch-db";
import { freePort } from "./free-port";

export const root = path.resolve(import.meta.dirname, "../..");

export interface BenchServer {
  url: string;
  pid: number;
  databaseUrl: string;
  dataDir: string;
  /** Event-loop lag of the server since the previous call (ms), via the preloaded probe. */
  loopLag(): Promise<{ p50: number; p99: number; max: number; samples: number }>;
  stop(): Promise<void>;
}

/**
 * Our production server (`server/index.ts`, NODE_ENV=production, the existing `next build`) on a
 * free port from 3237, a scratch database (on DATABASE_URL's server, else an embedded
 * PostgreSQL) and its own DATA_DIR under .data/ (removed at the end; the server's log is kept as
 * .data/bench-server.log). Limits that would throttle the benchmark
 * (task rate, process cap) are raised; the idle timeout is short so idle tasks drop their process.
 */
export async function startBenchServer(opts: { idleTimeoutSec: number }): Promise<BenchServer> {
  await mkdir(path.join(root, ".data"), { recursive: true });
  const dataDir = await mkdtemp(path.join(root, ".data", "bench-"));
  // As root, the embedded PostgreSQL runs as user "postgres", which must be able to enter it.
  await chmod(dataDir, 0o711);
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: path.join(dataDir, "db") });
  const scratch = await createScratchDatabase(process.env.DATABASE_URL ?? embedded!.url, "codex_bench");
  const port = await freePort(3237);
  const lagFile = path.join(dataDir, "loop-lag.json");
  const log = createWriteStream(path.join(dataDir, "server.log"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "--import", "./bench/lib/loop-lag-probe.ts", "server/index.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: path.join(dataDir, "app"),
      DATABASE_URL: scratch.url,
      MAX_RUNNING_TASKS: "100",
      IDLE_TIMEOUT_SEC: String(opts.idleTimeoutSec),
      RATE_LIMIT_TASKS: "100000/60",
      RATE_LIMIT_TOKENS: "1000/60",
      RATE_LIMIT_SIGNIN_IP: "10000/60",
      LOG_LEVEL: "warn",
      BENCH_LOOP_LAG_FILE: lagFile,
    },
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitForHealth(url, exited, path.join(dataDir, "server.log"));

  let reads = 0;
  return {
    url,
    pid: child.pid!,
    databaseUrl: scratch.url,
    dataDir,
    async loopLag() {
      reads += 1;
      child.kill("SIGUSR2");
      for (let i = 0; i < 200; i += 1) {
        const stats = await readFile(lagFile, "utf8").then((t) => JSON.parse(t) as { reads: number; p50: number; p99: number; max: number; samples: number }).catch(() => null);
        if (stats && stats.reads === reads) return stats;
        await sleep(25);
      }
      throw new Error("The server's loop-lag probe did not answer");
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
      await scratch.drop();
      await embedded?.stop();
      await copyFile(path.join(dataDir, "server.log"), path.join(root, ".data", "bench-server.log"));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, exited: Promise<void>, logPath: string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let i = 0; i < 600; i += 1) {
    if (gone) throw new Error(`The server exited during start-up; see ${logPath}:\n${await readFile(logPath, "utf8").catch(() => "")}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`The server did not become healthy within 60 s; see ${logPath}`);
}
