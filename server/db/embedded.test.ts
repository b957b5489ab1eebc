import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { adminQuery } from "./admin";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded";
import { isRoot, postmasterPid, processAlive, untraversableAncestor, waitForExit } from "./embedded-host";

const dirs: string[] = [];
const children: ChildProcess[] = [];

/** A temporary folder postgres may enter (mkdtemp makes it 700). */
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "codex-embedded-test-"));
  await chmod(dir, 0o755);
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const dir of dirs) {
    for (const cluster of [path.join(dir, "postgres"), path.join(dir, "data", "postgres")]) {
      const pid = await postmasterPid(cluster);
      if (pid !== null && processAlive(pid)) process.kill(pid, "SIGQUIT");
    }
    await rm(dir, { recursive: true, force: true });
  }
});

async function query(url: string, sql: string): Promise<unknown[]> {
  return (await adminQuery({ url, sql })).rows;
}

function recorder(): { log: (message: string) => void; lines: string[] } {
  const lines: string[] = [];
  return { log: (message) => lines.push(message), lines };
}

/**
 * Starts the embedded server in a separate Node process, which then idles ("stay") or calls
 * process.exit(3) without stop() ("exit"). Resolves once the server is ready, with its PID.
 */
async function startInChild(opts: { dataDir: string; then: "stay" | "exit" }): Promise<{ child: ChildProcess; postmaster: number }> {
  const script = path.join(opts.dataDir, "..", "start-postgres.mts");
  const module = (file: string) => JSON.stringify(path.resolve("server/db", file));
  await writeFile(
    script,
    `import { startEmbeddedPostgres } from ${module("embedded.ts")};\n` +
      `import { postmasterPid } from ${module("embedded-host.ts")};\n` +
      `const [dataDir, then] = process.argv.slice(2);\n` +
      `await startEmbeddedPostgres({ dataDir });\n` +
      `console.log(await postmasterPid(dataDir + "/postgres"));\n` +
      `if (then === "exit") process.exit(3); else setInterval(() => {}, 60_000);\n`,
  );
  const child = spawn(process.execPath, ["--import", "tsx", script, opts.dataDir, opts.then], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  if (!child.stdout) throw new Error("no stdout pipe");
  const [line] = (await Promise.race([once(createInterface({ input: child.stdout }), "line"), once(child, "exit")])) as [unknown];
  if (typeof line !== "string") throw new Error("the child process exited before PostgreSQL was ready");
  return { child, postmaster: Number(line) };
}

describe("startEmbeddedPostgres", () => {
  it("starts, answers a query and stops; a restart reuses the data and the port", async () => {
    const dataDir = path.join(await tempDir(), "data");
    const first = await startEmbeddedPostgres({ dataDir });
    const url = new URL(first.url);
    expect([url.hostname, Number(url.port), url.pathname, url.username]).toEqual(["127.0.0.1", first.port, "/codex_cloud", "postgres"]);
    expect(url.password.length).toBeGreaterThanOrEqual(24);
    await query(first.url, "CREATE TABLE note (body text); INSERT INTO note VALUES ('kept')");
    await first.stop();
    await expect(query(first.url, "SELECT 1")).rejects.toThrow(/ECONNREFUSED/);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(second.port).toBe(first.port);
      expect(await query(second.url, "SELECT body FROM note")).toEqual([{ body: "kept" }]);
      const state = JSON.parse(await readFile(path.join(dataDir, "postgres.json"), "utf8")) as { ownerPid: number };
      expect(state.ownerPid).toBe(process.pid);
    } finally {
      await second.stop();
    }
  });

  it("stops a server left running by a SIGKILLed Node process; a plain exit stops its own server", async () => {
    const dataDir = path.join(await tempDir(), "data");
    const killed = await startInChild({ dataDir, then: "stay" });
    killed.child.kill("SIGKILL");
    await once(killed.child, "exit");
    expect(processAlive(killed.postmaster)).toBe(true);

    const { log, lines } = recorder();
    const pg = await startEmbeddedPostgres({ dataDir, log });
    try {
      expect(lines).toContain(`stopping PostgreSQL PID ${killed.postmaster}, left running by a process that is gone`);
      expect(processAlive(killed.postmaster)).toBe(false);
      expect(await query(pg.url, "SELECT current_database() AS db")).toEqual([{ db: "codex_cloud" }]);
    } finally {
      await pg.stop();
    }

    const exited = await startInChild({ dataDir, then: "exit" });
    const [code] = (await once(exited.child, "exit")) as [number | null];
    expect(code).toBe(3);
    await waitForExit({ pid: exited.postmaster, timeoutMs: 5_000 });
    expect(processAlive(exited.postmaster)).toBe(false);
  });

  it("refuses a data directory whose server this process runs, and clears a stale postmaster.pid", async () => {
    const dataDir = path.join(await tempDir(), "data");
    const running = await startEmbeddedPostgres({ dataDir });
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/is in use by this process/);
    await running.stop();

    const deadPid = spawnSync("true").pid;
    const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
    await writeFile(pidFile, `${deadPid}\n${path.join(dataDir, "postgres")}\n`);
    const { log, lines } = recorder();
    const pg = await startEmbeddedPostgres({ dataDir, log });
    try {
      expect(lines).toContain(`removing stale ${pidFile} (PID ${deadPid} is not running)`);
      expect(await query(pg.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await pg.stop();
    }
  });

  it("gives two clusters in different data directories different ports", async () => {
    const [a, b] = await Promise.all([
      tempDir().then((dir) => startEmbeddedPostgres({ dataDir: dir, database: "one" })),
      tempDir().then((dir) => startEmbeddedPostgres({ dataDir: dir, database: "two" })),
    ]);
    const servers: RunningPostgres[] = [a, b];
    try {
      expect(a.port).not.toBe(b.port);
      expect(await query(a.url, "SELECT current_database() AS db")).toEqual([{ db: "one" }]);
      expect(await query(b.url, "SELECT current_database() AS db")).toEqual([{ db: "two" }]);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });

  it("as root, opens a mode-700 data directory to postgres but explains a mode-700 parent", async () => {
    const closed = await mkdtemp(path.join(os.tmpdir(), "codex-embedded-test-"));
    dirs.push(closed);
    const pg = await startEmbeddedPostgres({ dataDir: closed });
    await pg.stop();
    expect((await stat(closed)).mode & 0o777).toBe(isRoot() ? 0o701 : 0o700);

    await chmod(closed, 0o700);
    const starting = startEmbeddedPostgres({ dataDir: path.join(closed, "inner") });
    if (isRoot()) {
      await expect(starting).rejects.toThrow(`which cannot enter ${closed} (mode 700)`);
    } else {
      await (await starting).stop();
    }
  });
});

describe("untraversableAncestor", () => {
  it("names the first folder whose execute bits shut the user out", async () => {
    const parent = await tempDir();
    await chmod(parent, 0o700);
    const me = { uid: os.userInfo().uid, gid: os.userInfo().gid };
    expect(await untraversableAncestor(parent, me)).toBeNull();
    expect(await untraversableAncestor(parent, { uid: me.uid + 4242, gid: me.gid + 4242 })).toEqual({ path: parent, mode: "700" });
  });
});
