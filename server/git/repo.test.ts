import { mkdir, mkdtemp, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo } from "../test/git-repo";
import { git } from "./git";
import { assertValidBranchName, validateRepo, validateRepoPath } from "./repo";

/** Branch names git would read as options, ranges, traversal or that it refuses outright. */
const BAD_BRANCH_NAMES = ["../x", "/abs", "-x", "--upload-pack=touch x", "a..b", "x.lock", "has space", "ctl\u0001x", "x~1", "x^2", "x:y", "x?", "x*", "[x", "x\\y", "@{-1}", "x/", ".x", "x/.y", "refs/heads/../x"];

const code = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code);

describe("validateRepoPath", () => {
  it("accepts a repository under an allowed root, and a bare one", async () => {
    const repo = await makeRepo();
    expect(await validateRepoPath(repo, [path.dirname(repo)])).toBe(repo);
    const bare = `${repo}-bare.git`;
    await git(["clone", "--quiet", "--bare", repo, bare], { cwd: path.dirname(repo) });
    expect(await validateRepoPath(bare, [path.dirname(repo)])).toBe(bare);
  });

  it("refuses relative paths, traversal, repeated slashes, folders that are not repositories (a repository's subfolder included) and paths outside the roots", async () => {
    const repo = await makeRepo();
    const root = path.dirname(repo);
    const plain = await mkdtemp(path.join(tmpdir(), "not-a-repo-"));
    const subfolder = path.join(repo, "sub");
    await mkdir(subfolder);
    const refused = [
      "relative/repo",
      `${root}/../${path.basename(root)}/${path.basename(repo)}`,
      `${repo}/./`,
      `${root}//${path.basename(repo)}`,
      "/definitely/not/here",
      plain,
      subfolder,
    ];
    for (const candidate of refused) expect(await code(validateRepoPath(candidate, [root])), candidate).toBe("VALIDATION_FAILED");
    expect(await code(validateRepoPath(repo, [path.join(root, "elsewhere")]))).toBe("VALIDATION_FAILED");
    expect(await code(validateRepoPath(repo, [`${repo}-sibling`]))).toBe("VALIDATION_FAILED");
  });

  it("refuses a symbolic link under an allowed root that points to a repository outside it", async () => {
    const outside = await makeRepo();
    const root = await mkdtemp(path.join(tmpdir(), "allowed-"));
    await mkdir(path.join(root, "inner"));
    await symlink(outside, path.join(root, "inner", "link"));
    expect(await code(validateRepoPath(path.join(root, "inner", "link"), [root]))).toBe("VALIDATION_FAILED");
  });
});

describe("assertValidBranchName", () => {
  it("refuses names git would misread", async () => {
    for (const name of BAD_BRANCH_NAMES) expect(await code(assertValidBranchName(name)), JSON.stringify(name)).toBe("VALIDATION_FAILED");
  });

  it("accepts ordinary names", async () => {
    for (const name of ["main", "codex/abc123", "feature/ünïcode", "release-1.2"]) expect(await code(assertValidBranchName(name)), name).toBe("ok");
  });
});

describe("validateRepo", () => {
  it("keeps https, ssh, scp-style and git URLs, and file:// URLs of a repository under an allowed root", async () => {
    const repo = await makeRepo();
    const root = path.dirname(repo);
    for (const url of ["https://example.test/r.git", "ssh://git@example.test/r.git", "git@example.test:team/r.git", "git://example.test/r.git", `file://${repo}`]) {
      expect(await validateRepo(url, [root]), url).toBe(url);
    }
    expect(await validateRepo(repo, [root])).toBe(repo);
  });

  it("refuses file:// URLs outside the allowed roots, not a repository, or not a plain absolute path", async () => {
    const repo = await makeRepo();
    const root = path.dirname(repo);
    const plain = await mkdtemp(path.join(tmpdir(), "not-a-repo-"));
    const refused = [`file://${repo}`, "file:///etc", `file://${plain}`];
    for (const url of refused) expect(await code(validateRepo(url, [path.join(root, "elsewhere")])), url).toBe("VALIDATION_FAILED");
    for (const url of [`file://localhost${repo}`, `file://${repo}/../x`, `file://${repo.replace("/", "%2f")}`, `file://${plain}`]) {
      expect(await code(validateRepo(url, [root])), url).toBe("VALIDATION_FAILED");
    }
  });

  it("refuses other transports, remote helpers and option-like hosts with a message naming what is allowed", async () => {
    const refused = ["http://example.test/r.git", "ext::sh -c touch% /tmp/pwned", "fd::3", "ssh::x", "ftp://example.test/r.git", "HTTP://x/y", "-upload-pack=x", "ssh://-oProxyCommand=touch%20x/r", "host:path"];
    for (const url of refused) {
      const error = await validateRepo(url, ["/"]).then(() => null, (e: { code?: string; message: string }) => e);
      expect(error?.code, url).toBe("VALIDATION_FAILED");
      expect(error?.message, url).toMatch(/not allowed|must|Unsupported/);
    }
  });

  it("refuses a URL carrying a password or token, saying the credential field is where it goes; an ssh user name is fine", async () => {
    const refused = [
      "https://user:s3cret@example.test/r.git",
      "https://ghp_token123@github.com/o/r.git",
      "https://x-access-token:ghp_abc@github.com/o/r.git",
      "ssh://git:pw@example.test/r.git",
      "git:pw@example.test:team/r.git",
      "git://user@example.test/r.git",
    ];
    for (const url of refused) {
      const error = await validateRepo(url, ["/"]).then(() => null, (e: { code?: string; message: string; details?: unknown }) => e);
      expect(error?.code, url).toBe("VALIDATION_FAILED");
      expect(error?.message, url).toMatch(/must not carry .*credential field \(credential\.token or credential\.sshKey\)/);
      expect(error?.message, url).not.toMatch(/s3cret|ghp_|pw@/);
    }
    for (const url of ["ssh://git@example.test/r.git", "git@example.test:team/r.git", "https://example.test:8443/r.git"]) {
      expect(await validateRepo(url, ["/"]), url).toBe(url);
    }
  });
});
