import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRuntimeEnv } from "../env";
import { startGitDaemon, type TestGitDaemon } from "../test/git-daemon";
import { startGitHttpServer, TEST_GIT_CA_FILE, type TestGitServer } from "../test/git-http-server";
import { startSshServer, type TestSshServer } from "../test/ssh-server";
import { GitError } from "./git";
import { listRemoteBranches, remoteReason } from "./remote";

const TOKEN = "tok-remote-test-6f1d2c9a8b7e";
let host: TestGitServer;
let daemon: TestGitDaemon;
let ssh: TestSshServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "codex-remote-data-"));
  setRuntimeEnv({ DATA_DIR: dataDir, GIT_REMOTE_CA_FILE: TEST_GIT_CA_FILE });
  host = await startGitHttpServer({ token: TOKEN });
  await host.addRepo("app", { main: { "README.md": "# app\n" }, "feature/x": { "x.txt": "x\n" } });
  daemon = await startGitDaemon(host.root);
  ssh = await startSshServer(host.root);
});
afterAll(async () => {
  await Promise.all([daemon?.close(), ssh?.close()]);
  await host?.close();
});

const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as GitError);

describe("listRemoteBranches", () => {
  it("reads branches and HEAD over https with the token, whichever forge's user name carries it", async () => {
    for (const forge of [null, "github", "gitlab", "gitea"] as const) {
      const result = await listRemoteBranches({ repo: host.repoUrl("app"), credential: { token: TOKEN }, forge }, 20_000);
      expect(result, String(forge)).toEqual({ branches: ["feature/x", "main"], head: "main" });
    }
    expect(host.requests.filter((r) => r.status === 200).map((r) => r.user)).toEqual(expect.arrayContaining(["x-access-token", "oauth2", TOKEN]));
  });

  it("answers a wrong or missing token with git's reason, which never holds the token", async () => {
    const wrong = "tok-wrong-0123456789";
    const cases = [
      [{ token: wrong }, /fatal: Authentication failed for 'https:\/\/127\.0\.0\.1:\d+\/app\.git\/'$/],
      [null, /could not read Username for 'https:\/\/127\.0\.0\.1:\d+': terminal prompts disabled/],
    ] as const;
    for (const [credential, expected] of cases) {
      const error = await failure(listRemoteBranches({ repo: host.repoUrl("app"), credential }, 20_000));
      expect(error).toBeInstanceOf(GitError);
      const reason = remoteReason(error, credential);
      expect(reason).toMatch(expected);
      expect(reason).not.toContain(wrong);
    }
  });

  it("gives up after the timeout when the host does not answer", async () => {
    host.stall(true);
    try {
      const error = await failure(listRemoteBranches({ repo: host.repoUrl("app"), credential: { token: TOKEN } }, 1500));
      expect(remoteReason(error, null)).toBe("timed out after 1.5 s");
    } finally {
      host.stall(false);
    }
  });

  it("reads git:// remotes without a credential", async () => {
    expect(await listRemoteBranches({ repo: daemon.repoUrl("app"), credential: null }, 20_000)).toEqual({ branches: ["feature/x", "main"], head: "main" });
  });

  it("reads ssh remotes with the deploy key, refuses another key, and leaves no key file behind", async () => {
    const repo = ssh.repoUrl("app");
    expect(await listRemoteBranches({ repo, credential: { sshKey: ssh.clientKey } }, 20_000)).toEqual({ branches: ["feature/x", "main"], head: "main" });
    const error = await failure(listRemoteBranches({ repo, credential: { sshKey: ssh.otherKey } }, 20_000));
    expect(remoteReason(error, { sshKey: ssh.otherKey })).toMatch(/Permission denied/);
    expect(await readdir(path.join(dataDir, "git-auth"))).toEqual([]);
    // The host was remembered on first use, in the server's own known_hosts.
    expect((await readdir(path.join(dataDir, "ssh")))).toEqual(["known_hosts"]);
  });
});

describe("syncMirror over ssh and git://", () => {
  it("fetches a mirror with the deploy key, and one from git daemon", async () => {
    const { syncMirror } = await import("./mirror");
    const { git } = await import("./git");
    for (const [id, target] of [
      ["over-ssh", { repo: ssh.repoUrl("app"), credential: { sshKey: ssh.clientKey } }],
      ["over-git", { repo: daemon.repoUrl("app"), credential: null }],
    ] as const) {
      const dir = await syncMirror({ environmentId: id, target, timeoutMs: 20_000 });
      expect((await git(["for-each-ref", "--format=%(refname)", "refs/heads"], { cwd: dir })).split("\n").filter(Boolean), id).toEqual(["refs/heads/feature/x", "refs/heads/main"]);
    }
  });
});
