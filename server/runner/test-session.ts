import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeRepo } from "../test/git-repo";
import type { TurnCompletedNotification } from "../generated/codex-protocol/v2/TurnCompletedNotification";
import { openCodex, resumeThread, startThread, startTurn } from "./codex-client";
import { writeCodexHome, type CodexHome } from "./codex-home";
import type { CodexPeer } from "./codex-peer";
import { nextNotification } from "./notifications";
import type { ServerNotification, ServerRequest } from "./rpc-types";

// Test support: a real app-server on a temp git repo, a per-test CODEX_HOME pointing at the
// demo model, every notification and server request recorded, approvals answered by `decide`.

export type Decision = "accept" | "decline" | "cancel";

export interface TestSession {
  peer: CodexPeer;
  repo: string;
  home: CodexHome;
  threadId: string;
  notifications: ServerNotification[];
  requests: ServerRequest[];
  /** Starts a turn and resolves when it completes. */
  runTurn(text: string): Promise<TurnCompletedNotification>;
}

const cleanups: (() => Promise<unknown>)[] = [];

/** Stops every process and removes every folder the sessions of this test made. */
export async function closeSessions(): Promise<void> {
  for (const cleanup of cleanups.splice(0)) await cleanup();
}

export async function openSession(opts: { modelUrl: string; decide?: Decision; repo?: string; home?: CodexHome; threadId?: string }): Promise<TestSession> {
  const repo = opts.repo ?? (await makeRepo({ "README.md": "# Demo\n" }));
  const home = opts.home ?? (await writeCodexHome({ dir: await mkdtemp(path.join(tmpdir(), "codex-home-")), provider: { provider: "demo", baseUrl: opts.modelUrl } }));
  if (!opts.repo) cleanups.push(() => rm(repo, { recursive: true, force: true }));
  if (!opts.home) cleanups.push(() => rm(home.dir, { recursive: true, force: true }));
  const notifications: ServerNotification[] = [];
  const { peer } = await openCodex({ cwd: repo, env: home.env, onNotification: (n) => notifications.push(n) });
  cleanups.unshift(() => peer.close({ graceMs: 1000 }));
  const requests: ServerRequest[] = [];
  peer.onServerRequest((request) => {
    requests.push(request);
    peer.respond(request.id, { decision: opts.decide ?? "accept" });
  });
  const settings = { cwd: repo, approvalPolicy: "untrusted", sandbox: "workspace-write" } as const;
  const { thread } = opts.threadId ? await resumeThread(peer, { threadId: opts.threadId, ...settings }) : await startThread(peer, settings);
  const runTurn = async (text: string) => {
    const completed = nextNotification(peer, { method: "turn/completed", match: (p) => p.threadId === thread.id, timeoutMs: 45_000 });
    await startTurn(peer, { threadId: thread.id, text });
    return completed;
  };
  return { peer, repo, home, threadId: thread.id, notifications, requests, runTurn };
}

/** The notifications of one method, typed. */
export function paramsOf<M extends ServerNotification["method"]>(list: ServerNotification[], method: M) {
  return list.filter((n): n is Extract<ServerNotification, { method: M }> => n.method === method).map((n) => n.params);
}
