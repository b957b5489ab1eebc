import { readFile, readdir, rm } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealSecret } from "../auth/secret-box";
import { setRuntimeEnv } from "../env";
import type { Environment } from "../generated/prisma/client";
import { git } from "../git/git";
import { mirrorDir } from "../git/mirror";
import { pushCommit } from "../test/git-bare-repo";
import { startGitHttpServer, TEST_GIT_CA_FILE, type TestGitServer } from "../test/git-http-server";
import { checkoutSource } from "./checkout-source";
import { createWorkspace } from "./workspaces";

const TOKEN = "tok-mirror-test-41c7e09d5a";
let host: TestGitServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "codex-mirror-data-"));
  setRuntimeEnv({ DATA_DIR: dataDir, GIT_REMOTE_CA_FILE: TEST_GIT_CA_FILE, AUTH_SECRET: "m".repeat(40) });
  host = await startGitHttpServer({ token: TOKEN });
});
afterAll(async () => {
  await host?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** An environment row as the database holds it: the token sealed. */
function environment(id: string, token: string | null, repo = host.repoUrl(id)): Environment {
  return { id, repo, gitToken: token && sealSecret(token), gitSshKey: null, forgeKind: null } as Environment;
}

/** Every file under `dir`, read as text. */
async function allText(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return (await Promise.all(files.map((f) => readFile(f, "latin1")))).join("\n");
}

describe("checkoutSource", () => {
  it("fetches a remote environment's mirror once for concurrent task starts, and again for a later start", async () => {
    const bare = await host.addRepo("shared", { main: { "a.txt": "1\n" } });
    const env = environment("shared", TOKEN);
    const sources = await Promise.all([1, 2, 3, 4].map(() => checkoutSource(env)));
    expect(new Set(sources.map((s) => s.repo))).toEqual(new Set([mirrorDir("shared")]));
    expect(sources[0]!.origin).toBe(host.repoUrl("shared"));
    expect(host.count("advertise", "shared")).toBe(1);
    const pushed = await pushCommit(bare, "main", { "b.txt": "2\n" });
    await checkoutSource(env);
    expect(host.count("advertise", "shared")).toBe(2);
    expect((await git(["rev-parse", "refs/heads/main"], { cwd: mirrorDir("shared") })).trim()).toBe(pushed);
  });

  it("makes each attempt's workspace from the mirror without the network, its origin the remote's URL and no credential anywhere in it", async () => {
    await host.addRepo("work", { main: { "README.md": "# w\n" }, dev: { "dev.txt": "d\n" } });
    const source = await checkoutSource(environment("work", TOKEN));
    const before = host.requests.length;
    const dirs = [0, 1].map((i) => path.join(dataDir, "tasks", "t1", `attempt-${i}`));
    const workspaces = await Promise.all(dirs.map((dir) => createWorkspace({ ...source, branch: "dev", dir })));
    expect(host.requests.length).toBe(before);
    for (const [i, w] of workspaces.entries()) {
      expect(await readFile(path.join(dirs[i]!, "dev.txt"), "utf8")).toBe("d\n");
      expect((await git(["remote", "get-url", "origin"], { cwd: w.path })).trim()).toBe(host.repoUrl("work"));
      const text = await allText(w.path);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString("base64"));
    }
    // The mirror keeps no credential either (it is fetched with the URL given each time).
    expect(await allText(mirrorDir("work"))).not.toContain(TOKEN);
  });

  it("fails with git's reason, without the credential, when the fetch is refused", async () => {
    await host.addRepo("locked");
    const wrong = "tok-wrong-d0e1f2a3b4";
    const error = await checkoutSource(environment("locked", wrong)).then(() => null, (e: Error) => e);
    expect(error?.message).toMatch(/^Could not fetch https:\/\/127\.0\.0\.1:\d+\/locked\.git: .*Authentication failed/);
    expect(error?.message).not.toContain(wrong);
  });

  it("keeps a local environment's repository as the source, with no fetch", async () => {
    const before = host.requests.length;
    expect(await checkoutSource({ id: "local", repo: "/srv/repo", gitToken: null, gitSshKey: null } as Environment)).toEqual({ repo: "/srv/repo" });
    expect(host.requests.length).toBe(before);
  });
});
