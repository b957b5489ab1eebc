import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { git } from "../git/git";
import { commitAll } from "../test/git-repo";
import type { TurnCompletedNotification } from "../generated/codex-protocol/v2/TurnCompletedNotification";
import { openCodex, resumeThread, startThread, startTurn } from "./codex-client";
import { writeCodexHome, type CodexHome } from "./codex-home";
import type { CodexPeer } from "./codex-peer";
import { nextNotification, type NotificationMethod, type NotificationParams } from "./notifications";
import type { ServerNotification, ServerRequest } from "./rpc-types";

// Test support: a real app-server on a temp git repo, a per-test CODEX_HOME pointing at the
// demo model, every notification and server request recorded, approvals answered by `decide`.

/**
 * Not under /tmp: codex's workspace-write sandbox always lets commands write to /tmp, so a
 * workspace there proves nothing about the sandbox, and with a system bubblewrap (0.8) codex
 * then sends no `turn/diff/updated`. Production workspaces live under DATA_DIR.
 */
export const TEST_ROOT = path.join(tmpdir() === "/tmp" ? "/var/tmp" : tmpdir(), "codex-cloud-runner-tests");

export async function makeTestDir(prefix: string): Promise<string> {
  await mkdir(TEST_ROOT, { recursive: true });
  return mkdtemp(path.join(TEST_ROOT, prefix));
}

/** A git repository on `main` with one commit holding README.md. */
export async function makeTestRepo(): Promise<string> {
  const dir = await makeTestDir("repo-");
  await git(["init", "--quiet", "--initial-branch=main"], { cwd: dir });
  await writeFile(path.join(dir, "README.md"), "# Demo\n");
  await commitAll(dir, "initial");
  return dir;
}

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
  const repo = opts.repo ?? (await makeTestRepo());
  const home = opts.home ?? (await writeCodexHome({ dir: await makeTestDir("home-"), provider: { provider: "demo", baseUrl: opts.modelUrl } }));
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
export function paramsOf<M extends NotificationMethod>(list: ServerNotification[], method: M): NotificationParams<M>[] {
  return list.filter((n) => n.method === method).map((n) => n.params as NotificationParams<M>);
}
