import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createWorkspace } from "../runner/workspaces";
import { makeRepo } from "../test/git-repo";
import { splitDiff } from "@/lib/diff/parse";
import { workspaceDiff } from "./diff";
import { git } from "./git";

describe("workspaceDiff", () => {
  it("covers edits, deletions, untracked and binary files, and leaves the agent's index alone", async () => {
    const repo = await makeRepo({ "README.md": "one\ntwo\n", "gone.txt": "bye\n" });
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "codex-ws-")), "attempt-0");
    const ws = await createWorkspace({ repo, branch: "main", dir });
    await writeFile(path.join(dir, "README.md"), "one\nthree\n");
    await rm(path.join(dir, "gone.txt"));
    await writeFile(path.join(dir, "new.txt"), "a\nb\nc\n");
    await writeFile(path.join(dir, "logo.bin"), Buffer.from([0, 1, 2, 255, 0]));

    const result = await workspaceDiff(dir, ws.baseCommit);

    expect(result.stats).toEqual({ filesChanged: 4, linesAdded: 4, linesRemoved: 2 });
    expect(result.diff).toContain("+three");
    expect(result.diff).toContain("deleted file mode");
    expect(result.diff).toContain("+++ b/new.txt");
    expect(result.diff).toContain("GIT binary patch");
    expect(await git(["status", "--porcelain"], { cwd: dir })).toContain("?? new.txt");
  });

  it("names files git would quote (non-ASCII, spaces, tabs, quotes, newlines) as they are", async () => {
    const repo = await makeRepo();
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "codex-ws-")), "attempt-0");
    const ws = await createWorkspace({ repo, branch: "main", dir });
    const names = ["é.txt", "a b.txt", "tab\there.txt", 'q"t.txt', "nl\nx.txt"];
    for (const name of names) await writeFile(path.join(dir, name), "hi\n");

    const result = await workspaceDiff(dir, ws.baseCommit);

    expect(result.stats).toEqual({ filesChanged: 5, linesAdded: 5, linesRemoved: 0 });
    expect(splitDiff(result.diff).map((f) => f.path).sort()).toEqual([...names].sort());
  });

  it("is empty for an untouched workspace", async () => {
    const repo = await makeRepo();
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "codex-ws-")), "a");
    const ws = await createWorkspace({ repo, branch: "main", dir });
    expect(await workspaceDiff(dir, ws.baseCommit)).toEqual({
      diff: "",
      stats: { filesChanged: 0, linesAdded: 0, linesRemoved: 0 },
    });
  });
});
