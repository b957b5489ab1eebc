import { mkdir, mkdtemp, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo } from "../test/git-repo";
import { git } from "./git";
import { assertValidBranchName, validateRepoPath } from "./repo";

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
