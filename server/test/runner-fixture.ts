import { mkdir, mkdtemp } from "node:fs/promises";
import path from "node:path";
import type { Actor } from "../auth/actor";
import { startDemoModel } from "../demo-model";
import { setRuntimeEnv } from "../env";
import { testDatabaseUrl } from "./db";

/** Folders for task workspaces: not /tmp, where the sandbox lets commands write anyway. */
const ROOT = "/var/tmp/codex-cloud-tests";

export interface RunnerFixture {
  actor: Actor;
  environmentId: string;
  repo: string;
  close(): Promise<void>;
}

/**
 * One process-wide runner for a test file: a data dir off /tmp, the demo model, the
 * supervisor with the given limits, a user and an environment on a fresh repository.
 */
export async function startRunnerFixture(opts: { maxRunning: number; idleTimeoutMs: number; environment?: Record<string, unknown> }): Promise<RunnerFixture> {
  await mkdir(ROOT, { recursive: true });
  const dataDir = await mkdtemp(path.join(ROOT, "data-"));
  setRuntimeEnv({ DATABASE_URL: testDatabaseUrl(), DATA_DIR: dataDir, AUTH_SECRET: "x".repeat(40) });
  const { db } = await import("../db");
  const { initSupervisor } = await import("../runner/supervisor");
  const { makeRepo } = await import("./git-repo");
  const demo = await startDemoModel({ host: "127.0.0.1" });
  const supervisor = initSupervisor({ maxRunning: opts.maxRunning, idleTimeoutMs: opts.idleTimeoutMs, setupTimeoutMs: 60_000, demoModelUrl: demo.url });
  const repo = await makeRepo({ "README.md": "# Demo\n" });
  const email = `runner-${Math.random().toString(36).slice(2)}@example.test`;
  const user = await db.user.create({ data: { email } });
  const environment = await db.environment.create({
    data: { ownerId: user.id, label: "demo", repo, defaultBranch: "main", ...opts.environment },
  });
  return {
    actor: { userId: user.id, email, role: "user", via: "token" },
    environmentId: environment.id,
    repo,
    async close() {
      await supervisor.shutdown();
      await demo.close();
    },
  };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
