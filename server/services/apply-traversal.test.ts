import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { setRuntimeEnv } from "../env";
import { git } from "../git/git";
import { testDatabaseUrl } from "../test/db";
import { makeRepo } from "../test/git-repo";

beforeAll(() => setRuntimeEnv({ DATABASE_URL: testDatabaseUrl() }));

const addFile = (target: string, header = target) =>
  [`diff --git a/${header} b/${header}`, "new file mode 100644", "--- /dev/null", `+++ b/${target}`, "@@ -0,0 +1 @@", "+pwned", ""].join("\n");

const safe = addFile("notes.md");

/** Crafted stored diffs whose paths leave the repository, reach into .git, or read as options. */
function evilDiffs(escape: string): Array<[string, string, string]> {
  return [
    ["parent traversal", `../${escape}`, addFile(`../${escape}`)],
    ["deep traversal", `a/../../${escape}`, addFile(`a/../../${escape}`)],
    ["absolute path", `/tmp/${escape}`, addFile(`/tmp/${escape}`)],
    ["git hook", ".git/hooks/pre-commit", addFile(".git/hooks/pre-commit")],
    ["option-like path", "--output=x", addFile("--output=x")],
    ["rename out", `../${escape}`, ["diff --git a/README.md b/../" + escape, "similarity index 100%", "rename from README.md", `rename to ../${escape}`, ""].join("\n")],
  ];
}

async function fixture(diff: string) {
  const { db } = await import("../db");
  const repo = await makeRepo({ "README.md": "one\n" });
  const user = await db.user.create({ data: { email: `trav-${randomBytes(4).toString("hex")}@example.test` } });
  const environment = await db.environment.create({ data: { ownerId: user.id, label: "e", repo, defaultBranch: "main" } });
  const task = await db.task.create({ data: { ownerId: user.id, environmentId: environment.id, title: "t", prompt: "p", branch: "main", status: "ready" } });
  await db.attempt.create({ data: { taskId: task.id, index: 0, status: "completed", diff } });
  const actor: Actor = { userId: user.id, email: user.email, role: "member", via: "token" };
  return { db, repo, task, actor };
}

const refs = (repo: string) => git(["for-each-ref", "--format=%(refname) %(objectname)"], { cwd: repo });

describe("applying a stored diff whose paths escape the repository", () => {
  it("skips the unsafe file, writes no branch, and leaves nothing outside the repository or in .git", async () => {
    const { applyTask } = await import("./apply");
    const escape = `escape-${randomBytes(4).toString("hex")}.txt`;
    for (const [what, badPath, evil] of evilDiffs(escape)) {
      const { db, repo, task, actor } = await fixture(safe + evil);
      const before = await refs(repo);
      for (const preflight of [true, false]) {
        const result = await applyTask(actor, task.id, { attempt: 0, preflight });
        expect(result, what).toMatchObject({ applied: false, status: "partial", skippedPaths: [badPath] });
      }
      expect(await refs(repo), what).toBe(before);
      expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).appliedAt, what).toBeNull();
      for (const outside of [path.join(repo, "..", escape), `/tmp/${escape}`, path.join(repo, ".git/hooks/pre-commit"), path.join(repo, "--output=x")]) {
        expect(existsSync(outside), `${what}: ${outside}`).toBe(false);
      }
      expect(await git(["status", "--porcelain"], { cwd: repo }), what).toBe("");
    }
  }, 300_000);

  it("git itself refuses such a patch even when handed to the commit step directly", async () => {
    const { commitPatch } = await import("../git/apply-patch");
    const escape = `escape-${randomBytes(4).toString("hex")}.txt`;
    for (const [what, , evil] of evilDiffs(escape).filter(([w]) => w.includes("traversal") || w === "absolute path")) {
      const repo = await makeRepo({ "README.md": "one\n" });
      const parent = (await git(["rev-parse", "HEAD"], { cwd: repo })).trim();
      const before = await refs(repo);
      const attempt = commitPatch({ repo, parent, patch: evil, branch: "evil", message: "m", author: { name: "a", email: "a@example.test" } });
      await expect(attempt, what).rejects.toThrow();
      expect(await refs(repo), what).toBe(before);
      expect(existsSync(path.join(repo, "..", escape)) || existsSync(`/tmp/${escape}`), what).toBe(false);
    }
  }, 300_000);
});
