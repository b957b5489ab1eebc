import { describe, expect, it } from "vitest";
import { changeAsPatch, workspacePath } from "./change";

describe("changeAsPatch", () => {
  it("marks added and deleted content and leaves unified diffs alone", () => {
    expect(changeAsPatch({ kind: "add", diff: "a\nb\n" })).toBe("+a\n+b");
    expect(changeAsPatch({ kind: "delete", diff: "gone\n" })).toBe("-gone");
    expect(changeAsPatch({ kind: "update", diff: "@@ -1 +1 @@\n-x\n+y\n" })).toBe("@@ -1 +1 @@\n-x\n+y\n");
  });

  it("shows paths relative to the attempt's workspace", () => {
    expect(workspacePath("/data/tasks/abc/attempt-2/src/a.ts")).toBe("src/a.ts");
    expect(workspacePath("src/a.ts")).toBe("src/a.ts");
  });
});
