// Starts the real server for the e2e run on a fresh database: a new database on the server of
// DATABASE_URL when given, else an embedded PostgreSQL in a temporary folder. The database URL
// is written to e2e/.artifacts/database-url for fixtures that check rows. Dropped on exit.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres } from "../server/db/embedded";
import { TEST_GIT_CA_FILE } from "../server/test/git-http-server";
import { createScratchDatabase } from "./fixtures/scratch-db";

const root = path.resolve(import.meta.dirname, "..");
// Not under /tmp: the agent's sandbox (workspace-write) lets commands write anywhere in /tmp,
// which would hide writes outside the workspace.
await mkdir(path.join(root, ".data"), { recursive: true });
const dataDir = await mkdtemp(path.join(root, ".data", "e2e-"));
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir });
const scratch = await createScratchDatabase(process.env.DATABASE_URL ?? embedded!.url, "codex_e2e");
await mkdir(path.join(root, "e2e/.artifacts"), { recursive: true });
await writeFile(path.join(root, "e2e/.artifacts/database-url"), scratch.url);

const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: process.env.E2E_PORT ?? "3137",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    DATABASE_URL: scratch.url,
    RATE_LIMIT_SIGNIN_IP: "10000/60",
    RATE_LIMIT_SIGNUP: "10000/60",
    RATE_LIMIT_TOKENS: "1000/60",
    // The test git host (server/test/git-http-server.ts) serves https with this certificate.
    GIT_REMOTE_CA_FILE: TEST_GIT_CA_FILE,
  },
});

let cleaning = false;
async function cleanup(code: number): Promise<never> {
  if (cleaning) process.exit(code);
  cleaning = true;
  if (server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  await scratch.drop();
  await embedded?.stop();
  await rm(dataDir, { recursive: true, force: true });
  process.exit(code);
}

process.on("SIGTERM", () => void cleanup(0));
process.on("SIGINT", () => void cleanup(0));
server.on("exit", (code) => void cleanup(code ?? 1));
