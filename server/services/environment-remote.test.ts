import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { setRuntimeEnv } from "../env";
import { testDatabaseUrl } from "../test/db";
import { startGitHttpServer, TEST_GIT_CA_FILE, type TestGitServer } from "../test/git-http-server";
import { makeRepo } from "../test/git-repo";

const TOKEN = "tok-service-test-9a8b7c6d5e";
let host: TestGitServer;

beforeAll(async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), "codex-envremote-"));
  setRuntimeEnv({ DATABASE_URL: testDatabaseUrl(), DATA_DIR: dataDir, GIT_REMOTE_CA_FILE: TEST_GIT_CA_FILE, AUTH_SECRET: "s".repeat(40), GIT_REMOTE_TIMEOUT_MS: "3000" });
  host = await startGitHttpServer({ token: TOKEN });
  await host.addRepo("svc", { trunk: { "README.md": "# svc\n" }, "release/1": { "r.txt": "r\n" } });
});
afterAll(async () => host?.close());

async function admin(): Promise<Actor> {
  const { db } = await import("../db");
  const u = await db.user.create({ data: { email: `remote-admin-${Math.random().toString(36).slice(2)}@example.test`, role: "admin" } });
  return { userId: u.id, email: u.email, role: "admin", via: "token" };
}

const failure = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string; message: string; details?: unknown }) => e);

describe("remote environments", () => {
  it("are checked with ls-remote on save: the right token is stored sealed and shown as set, the remote's HEAD becomes the default branch", async () => {
    const { createEnvironment } = await import("./environments");
    const { db } = await import("../db");
    const env = await createEnvironment(await admin(), { label: "remote", repo: host.repoUrl("svc"), credential: { token: TOKEN }, forge: { kind: "gitea" } });
    expect(env).toMatchObject({ defaultBranch: "trunk", credential: { set: true, type: "token" }, forge: { kind: "gitea", apiUrl: `${host.url}/api/v1` } });
    expect(JSON.stringify(env)).not.toContain(TOKEN);
    const row = await db.environment.findUniqueOrThrow({ where: { id: env.id } });
    expect(row.gitToken).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(TOKEN);
  });

  it("refuse a wrong token, a remote that does not answer and a credential of the wrong kind with a readable 400, saving nothing", async () => {
    const { createEnvironment } = await import("./environments");
    const { db } = await import("../db");
    const actor = await admin();
    const count = await db.environment.count();
    const wrong = "tok-wrong-77e6d5c4b3";
    const refused = await failure(createEnvironment(actor, { label: "x", repo: host.repoUrl("svc"), credential: { token: wrong } }));
    expect(refused).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: ["repo"] }] });
    expect(refused?.message).toMatch(/^git could not read https:\/\/127\.0\.0\.1:\d+\/svc\.git: .*Authentication failed/);
    expect(refused?.message).not.toContain(wrong);
    host.stall(true);
    try {
      expect((await failure(createEnvironment(actor, { label: "x", repo: host.repoUrl("svc"), credential: { token: TOKEN } })))?.message).toMatch(/timed out after 3 s$/);
    } finally {
      host.stall(false);
    }
    const key = "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n";
    expect(await failure(createEnvironment(actor, { label: "x", repo: host.repoUrl("svc"), credential: { sshKey: key } }))).toMatchObject({ details: [{ path: ["credential"] }] });
    expect(await failure(createEnvironment(actor, { label: "x", repo: await makeRepo(), credential: { token: TOKEN } }))).toMatchObject({ details: [{ path: ["credential"] }] });
    expect(await failure(createEnvironment(actor, { label: "x", repo: await makeRepo(), forge: { kind: "github" } }))).toMatchObject({ details: [{ path: ["forge"] }] });
    expect(await db.environment.count()).toBe(count);
  });

  it("keep the credential on a patch that leaves it out, replace or clear it, and list the remote's branches", async () => {
    const { createEnvironment, updateEnvironment } = await import("./environments");
    const { listBranches } = await import("./environment-remote");
    const actor = await admin();
    const env = await createEnvironment(actor, { label: "p", repo: host.repoUrl("svc"), credential: { token: TOKEN } });
    expect(env.forge).toBeNull();
    expect(await updateEnvironment(actor, env.id, { label: "renamed" })).toMatchObject({ label: "renamed", credential: { set: true } });
    expect(await listBranches(actor, env.id)).toEqual({ items: [{ name: "release/1", default: false }, { name: "trunk", default: true }] });
    expect((await failure(updateEnvironment(actor, env.id, { credential: { token: "tok-bad-0000" } })))?.code).toBe("VALIDATION_FAILED");
    expect((await failure(updateEnvironment(actor, env.id, { credential: null })))?.message).toMatch(/could not read Username/);
    expect(await updateEnvironment(actor, env.id, { credential: { token: TOKEN } })).toMatchObject({ credential: { set: true, type: "token" } });
  });

  it("detect the forge of github.com and gitlab.com, and list a local repository's branches", async () => {
    const { detectForge, defaultApiUrl } = await import("./environment-forge");
    const { parseRemote } = await import("../git/remote-url");
    expect(detectForge(parseRemote("git@github.com:o/r.git"))).toEqual({ forgeKind: "github", forgeApiUrl: "https://api.github.com" });
    expect(detectForge(parseRemote("https://gitlab.com/g/r.git"))).toEqual({ forgeKind: "gitlab", forgeApiUrl: "https://gitlab.com/api/v4" });
    expect(detectForge(parseRemote("https://git.example.test/o/r.git"))).toEqual({ forgeKind: null, forgeApiUrl: null });
    expect(defaultApiUrl("gitlab", parseRemote("ssh://git@git.example.test:2222/o/r.git")!)).toBe("https://git.example.test/api/v4");
    const { createEnvironment } = await import("./environments");
    const { listBranches } = await import("./environment-remote");
    const actor = await admin();
    const local = await createEnvironment(actor, { label: "l", repo: await makeRepo() });
    expect(local).toMatchObject({ forge: null, credential: null });
    expect(await listBranches(actor, local.id)).toEqual({ items: [{ name: "main", default: true }] });
  });
});
