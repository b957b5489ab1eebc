import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { initialize, startThread } from "./codex-client";
import { writeCodexHome, type CodexHome } from "./codex-home";
import { CodexPeer } from "./codex-peer";
import { CodexPeerError } from "./peer-error";
import { makeTestDir } from "./test-session";

let home: CodexHome;
const peers: CodexPeer[] = [];

beforeEach(async () => {
  const dir = await makeTestDir("peer-");
  home = await writeCodexHome({ dir, provider: { provider: "demo", baseUrl: "http://127.0.0.1:9/v1" } });
});

afterEach(async () => {
  await Promise.all(peers.splice(0).map((peer) => peer.close({ graceMs: 500 })));
  await rm(home.dir, { recursive: true, force: true });
});

async function spawnPeer(opts: { requestTimeoutMs?: number; env?: Record<string, string> } = {}): Promise<CodexPeer> {
  const peer = await CodexPeer.spawn({ cwd: home.dir, env: { ...home.env, ...opts.env }, requestTimeoutMs: opts.requestTimeoutMs });
  peers.push(peer);
  return peer;
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024;

describe("CodexPeer against the real app-server", () => {
  it("completes the handshake and starts a thread", async () => {
    const t0 = performance.now();
    const peer = await spawnPeer();
    const info = await initialize(peer);
    const t1 = performance.now();
    const { thread } = await startThread(peer, { cwd: home.dir, approvalPolicy: "untrusted", sandbox: "workspace-write" });
    const t2 = performance.now();
    expect(info.codexHome).toBe(home.dir);
    expect(info.userAgent).toMatch(/^codex_cloud\//);
    expect(thread.id).toMatch(/^[0-9a-f-]{36}$/);
    console.info(`spawn→initialize ${(t1 - t0).toFixed(0)} ms, thread/start ${(t2 - t1).toFixed(0)} ms, RSS ${rssMb(peer.pid).toFixed(0)} MB`);
  });

  it("rejects a request the server answers with an error", async () => {
    const peer = await spawnPeer();
    await initialize(peer);
    const failure = peer.request("thread/resume", { threadId: "00000000-0000-0000-0000-000000000000" });
    await expect(failure).rejects.toBeInstanceOf(CodexPeerError);
    await expect(failure).rejects.toMatchObject({ kind: "rpc", details: { method: "thread/resume", rpc: { code: expect.any(Number) } } });
  });

  it("rejects a request that gets no answer in time", async () => {
    const peer = await spawnPeer();
    await initialize(peer);
    process.kill(peer.pid, "SIGSTOP");
    try {
      await expect(peer.request("config/read", { includeLayers: false }, { timeoutMs: 200 })).rejects.toMatchObject({
        kind: "timeout",
        message: "codex app-server did not answer config/read within 200 ms",
      });
    } finally {
      process.kill(peer.pid, "SIGCONT");
    }
    await expect(peer.request("config/read", { includeLayers: false })).resolves.toHaveProperty("config");
  });

  it("rejects pending requests and reports the exit when the process is killed", async () => {
    const peer = await spawnPeer({ requestTimeoutMs: 0, env: { RUST_LOG: "info" } });
    await initialize(peer);
    const exits: unknown[] = [];
    peer.onExit((exit) => exits.push(exit));
    process.kill(peer.pid, "SIGSTOP");
    const pending = peer.request("config/read", { includeLayers: false });
    process.kill(peer.pid, "SIGKILL");
    await expect(pending).rejects.toMatchObject({ kind: "exited", message: expect.stringContaining("was killed by SIGKILL") });
    const exit = await peer.exited;
    expect(exit).toMatchObject({ code: null, signal: "SIGKILL" });
    expect(exit.stderrTail.at(-1)).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z +INFO /);
    expect(exits).toEqual([exit]);
    await expect(peer.request("config/read", {})).rejects.toMatchObject({ kind: "exited" });
    expect(peer.respond(1, { decision: "accept" })).toBe(false);
  });

  it("shuts down cleanly when stdin closes", async () => {
    const peer = await spawnPeer();
    await initialize(peer);
    const t0 = performance.now();
    expect(await peer.close({ graceMs: 5000 })).toMatchObject({ code: 0, signal: null });
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it("escalates to signals when the process does not exit", async () => {
    const peer = await spawnPeer();
    process.kill(peer.pid, "SIGSTOP");
    expect(await peer.close({ graceMs: 200 })).toMatchObject({ signal: "SIGKILL" });
  });

  it("rejects when the executable cannot be started", async () => {
    const binary = { command: "/nonexistent/codex", prefixArgs: [], native: true, env: {}, pathDir: null };
    await expect(CodexPeer.spawn({ cwd: home.dir, binary })).rejects.toThrow(/ENOENT/);
  });
});
