import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDatabase, dropDatabase, withDatabase } from "../db/admin";
import { startEmbeddedPostgres } from "../db/embedded";
import { migrateDeploy } from "../db/migrate";
import { env, setRuntimeEnv } from "../env";

// Vitest globalSetup: every run gets a fresh, migrated database `codex_test_<random>`, on the
// server DATABASE_URL points at or else on an embedded PostgreSQL in a temporary folder.
// Tests read its URL with inject("databaseUrl") (or process.env.DATABASE_URL in workers).

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

interface Server {
  /** A URL on the server whose database may be used to create and drop others. */
  adminUrl: string;
  close(): Promise<void>;
}

async function openServer(): Promise<Server> {
  const given = env().DATABASE_URL;
  if (given) return { adminUrl: given, close: async () => {} };
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "codex-test-pg-"));
  const pg = await startEmbeddedPostgres({ dataDir, database: "postgres" });
  return {
    adminUrl: pg.url,
    close: async () => {
      await pg.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await openServer();
  const name = `codex_test_${randomBytes(6).toString("hex")}`;
  const teardown = async () => {
    await dropDatabase({ url: server.adminUrl, name });
    await server.close();
  };
  try {
    await createDatabase({ url: server.adminUrl, name });
    const url = withDatabase(server.adminUrl, name);
    await migrateDeploy({ url });
    project.provide("databaseUrl", url);
    setRuntimeEnv({ DATABASE_URL: url });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
