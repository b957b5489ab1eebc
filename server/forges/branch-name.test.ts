import { describe, expect, it } from "vitest";
import { git } from "../git/git";
import { pullRequestBranch, pullRequestBranchName } from "./branch-name";

const gitAccepts = (name: string) => git(["check-ref-format", "--branch", name], { cwd: "/" }).then(() => true, () => false);

describe("pullRequestBranchName", () => {
  it("is codex/<slug>-<short id>, lowercase ASCII, at most 60 characters", () => {
    expect(pullRequestBranchName({ title: "Fix the login bug", taskId: "cmabc123XYZ98765" })).toBe("codex/fix-the-login-bug-xyz98765");
    expect(pullRequestBranchName({ title: "Crème brûlée: ça va? ../x.lock @{1}", taskId: "t1" })).toBe("codex/creme-brulee-ca-va-x-lock-1-t1");
    expect(pullRequestBranchName({ title: "日本語だけ", taskId: "abcdef123" })).toBe("codex/bcdef123");
    const long = pullRequestBranchName({ title: "word ".repeat(40), taskId: "cmabc123xyz98765" });
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^codex\/word(-word)*-xyz98765$/);
  });

  it("always passes git check-ref-format --branch", async () => {
    const titles = ["", "-leading dash", "a..b", "trailing.", "x.lock", "~^:?*[\\", "@{-1}", "   ", "CAPS and 123"];
    for (const title of titles) expect(await gitAccepts(pullRequestBranchName({ title, taskId: "cm0abcdef" })), title).toBe(true);
  });
});

describe("pullRequestBranch", () => {
  it("keeps a valid edited name and refuses what git refuses, names starting with '-' and overlong ones", async () => {
    expect(await pullRequestBranch({ title: "t", taskId: "id", requested: " feature/mine " })).toBe("feature/mine");
    expect(await pullRequestBranch({ title: "Fix", taskId: "abc" })).toBe("codex/fix-abc");
    for (const requested of ["-x", "a..b", "x.lock", "has space", "x~1", "@{-1}", "x/", "a".repeat(201)]) {
      await expect(pullRequestBranch({ title: "t", taskId: "id", requested }), requested).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    }
  });
});
