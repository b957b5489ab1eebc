import { writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { setRuntimeEnv } from "../env";
import { git } from "../git/git";
import { createWorkspace } from "../runner/workspaces";
import { testDatabaseUrl } from "../test/db";
import { commitAll, makeRepo } from "../test/git-repo";

beforeAll(() => setRuntimeEnv({ DATABASE_URL: testDatabaseUrl() }));

/** A user, an environment on a fresh repo, and a task whose attempt 0 edits README.md and adds notes.md. */
async function fixture(extra: Record<string, string> = {}) {
  const { db } = await import("../db");
  const { workspaceDiff } = await import("../git/diff");
  const repo = await makeRepo({ "README.md": "one\ntwo\nthree\n" });
  const email = `apply-${Math.random().toString(36).slice(2)}@example.test`;
  const user = await db.user.create({ data: { email, name: "Ada Lovelace" } });
  const environment = await db.environment.create({ data: { ownerId: user.id, label: "e", repo, defaultBranch: "main" } });
  const task = await db.task.create({
    data: { ownerId: user.id, environmentId: environment.id, title: "Edit the readme", prompt: "p", branch: "main", status: "ready" },
  });
  const ws = await createWorkspace({ repo, branch: "main", dir: path.join(repo, "..", `${path.basename(repo)}-ws`) });
  await writeFile(path.join(ws.path, "README.md"), "one\nTWO\nthree\n");
  await writeFile(path.join(ws.path, "notes.md"), "hello\n");
  for (const [name, content] of Object.entries(extra)) await writeFile(path.join(ws.path, name), content);
  const { diff, stats } = await workspaceDiff(ws.path, ws.baseCommit);
  await db.attempt.create({ data: { taskId: task.id, index: 0, status: "completed", diff, ...stats } });
  const actor: Actor = { userId: user.id, email, role: "member", via: "token" };
  return { db, repo, task, actor };
}

const refs = (repo: string) => git(["for-each-ref", "--format=%(refname) %(objectname)"], { cwd: repo });

describe("applyTask", () => {
  it("preflight reports success and changes nothing", async () => {
    const { applyTask } = await import("./apply");
    const { db, repo, task, actor } = await fixture();
    const before = await refs(repo);
    const result = await applyTask(actor, task.id, { attempt: 0, preflight: true });
    expect(result).toMatchObject({ status: "success", applied: false, conflictPaths: [], skippedPaths: [] });
    expect(await refs(repo)).toBe(before);
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).appliedAt).toBeNull();
  });

  it("applies files whose names git quotes (é.txt, spaces, tabs, quotes, newlines) instead of skipping them", async () => {
    const { applyTask } = await import("./apply");
    const names = ["é.txt", "a b.txt", "tab\there.txt", 'q"t.txt', "nl\nx.txt"];
    const { repo, task, actor } = await fixture(Object.fromEntries(names.map((n) => [n, "hi\n"])));
    const preflight = await applyTask(actor, task.id, { attempt: 0, preflight: true });
    expect(preflight).toMatchObject({ status: "success", conflictPaths: [], skippedPaths: [] });
    const result = await applyTask(actor, task.id, { attempt: 0, preflight: false });
    expect(result).toMatchObject({ status: "success", applied: true });
    const tree = (await git(["ls-tree", "-z", "--name-only", `refs/heads/${result.branch}`], { cwd: repo })).split("\0").filter(Boolean);
    expect(tree.sort()).toEqual(["README.md", "notes.md", ...names].sort());
  });

  it("creates the branch with one commit by the user, leaves the checkout alone, and refuses a second apply", async () => {
    const { applyTask } = await import("./apply");
    const { db, repo, task, actor } = await fixture();
    const head = (await git(["rev-parse", "HEAD"], { cwd: repo })).trim();
    const result = await applyTask(actor, task.id, { attempt: 0, preflight: false });

    expect(result).toMatchObject({ status: "success", applied: true, branch: `codex/${task.id.slice(-8)}` });
    const branch = `refs/heads/${result.branch}`;
    expect((await git(["rev-parse", branch], { cwd: repo })).trim()).toBe(result.commit);
    expect((await git(["rev-parse", `${branch}^`], { cwd: repo })).trim()).toBe(head);
    expect(await git(["log", "-1", "--format=%an <%ae>|%s", branch], { cwd: repo })).toBe(`Ada Lovelace <${actor.email}>|Edit the readme\n`);
    expect(await git(["show", `${branch}:notes.md`], { cwd: repo })).toBe("hello\n");
    expect(await git(["show", `${branch}:README.md`], { cwd: repo })).toBe("one\nTWO\nthree\n");
    expect((await git(["rev-parse", "HEAD"], { cwd: repo })).trim()).toBe(head);
    expect(await git(["status", "--porcelain"], { cwd: repo })).toBe("");
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "applied", appliedAttempt: 0, appliedBranch: result.branch, appliedCommit: result.commit });

    await expect(applyTask(actor, task.id, { attempt: 0, preflight: false })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("reports the conflicting path after the target moved, and writes nothing", async () => {
    const { applyTask } = await import("./apply");
    const { repo, task, actor } = await fixture();
    await writeFile(path.join(repo, "README.md"), "one\nsomething else\nthree\n");
    await commitAll(repo, "conflicting change");
    const before = await refs(repo);
    for (const preflight of [true, false]) {
      const result = await applyTask(actor, task.id, { attempt: 0, preflight });
      expect(result).toMatchObject({ status: "partial", applied: false, conflictPaths: ["README.md"], skippedPaths: [] });
    }
    expect(await refs(repo)).toBe(before);
  });

  it("refuses branch names git would misread and another user's task", async () => {
    const { applyTask } = await import("./apply");
    const { task, actor } = await fixture();
    for (const branchName of ["-f", "../x", "a..b", "x y"]) {
      await expect(applyTask(actor, task.id, { attempt: 0, preflight: true, branchName })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    }
    const stranger: Actor = { ...actor, userId: "someone-else" };
    await expect(applyTask(stranger, task.id, { attempt: 0, preflight: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
