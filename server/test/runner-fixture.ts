import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { startDemoModel } from "../demo-model";
import { setRuntimeEnv } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { initSupervisor, type Supervisor } from "../runner/supervisor";
import { testDatabaseUrl } from "./db";
import { makeRepo } from "./git-repo";

/** Folders for task workspaces: not /tmp, where the sandbox lets commands write anyway. */
const ROOT = "/var/tmp/codex-cloud-tests";

export type EnvironmentSettings = Partial<Omit<Prisma.EnvironmentUncheckedCreateInput, "id" | "ownerId" | "repo">>;

export interface RunnerFixture {
  actor: Actor;
  environmentId: string;
  repo: string;
  supervisor: Supervisor;
  /** Another environment of the same user on the same repository, with other settings. */
  addEnvironment(settings: EnvironmentSettings): Promise<string>;
  close(): Promise<void>;
}

/**
 * One process-wide runner for a test file (Vitest runs each file in its own process, so each
 * file picks its own limits): a data dir off /tmp, the demo model, the supervisor with the
 * given limits, a user and an environment on a fresh repository. `close` removes it all.
 */
export async function startRunnerFixture(opts: {
  maxRunning: number;
  idleTimeoutMs: number;
  modelStreamTimeoutMs?: number;
  /** Default: the run's test database. */
  databaseUrl?: string;
  /** Where the data dir is made; default off /tmp. */
  root?: string;
}): Promise<RunnerFixture> {
  const root = opts.root ?? ROOT;
  await mkdir(root, { recursive: true });
  const dataDir = await mkdtemp(path.join(root, "data-"));
  setRuntimeEnv({ DATABASE_URL: opts.databaseUrl ?? testDatabaseUrl(), DATA_DIR: dataDir, AUTH_SECRET: "x".repeat(40) });
  const demo = await startDemoModel({ host: "127.0.0.1" });
  const supervisor = initSupervisor({
    maxRunning: opts.maxRunning,
    idleTimeoutMs: opts.idleTimeoutMs,
    setupTimeoutMs: 60_000,
    setupOutputMaxBytes: 1024 * 1024,
    demoModelUrl: demo.url,
    modelStreamTimeoutMs: opts.modelStreamTimeoutMs,
  });
  const repo = await makeRepo({ "README.md": "# Demo\n" });
  const email = `runner-${Math.random().toString(36).slice(2)}@example.test`;
  const user = await db.user.create({ data: { email } });
  const addEnvironment = async (settings: EnvironmentSettings) =>
    (await db.environment.create({ data: { ownerId: user.id, label: "demo", repo, defaultBranch: "main", ...settings } })).id;
  return {
    actor: { userId: user.id, email, role: "member", via: "token" },
    environmentId: await addEnvironment({}),
    repo,
    supervisor,
    addEnvironment,
    async close() {
      await supervisor.shutdown();
      await demo.close();
      await Promise.all([dataDir, repo].map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}

/**
 * Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`
 * (well inside Vitest's test timeout, so a stuck wait fails with its own message).
 */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
