import { describe, expect, it } from "vitest";
import { splitDiff } from "./parse";

const diff = `diff --git a/README.md b/README.md
index 1111111..2222222 100644
--- a/README.md
+++ b/README.md
@@ -1,2 +1,2 @@
 one
-two
+three
diff --git a/new.txt b/new.txt
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/new.txt
@@ -0,0 +1,2 @@
+a
+--b
diff --git a/gone.txt b/gone.txt
deleted file mode 100644
index 4444444..0000000
--- a/gone.txt
+++ /dev/null
@@ -1 +0,0 @@
-bye
diff --git a/logo.bin b/logo.bin
new file mode 100644
index 0000000..5555555
Binary files /dev/null and b/logo.bin differ
`;

describe("splitDiff", () => {
  it("splits files with status and counts, including lines that look like headers", () => {
    const files = splitDiff(diff);
    expect(files.map(({ path, status, additions, deletions }) => ({ path, status, additions, deletions }))).toEqual([
      { path: "README.md", status: "modified", additions: 1, deletions: 1 },
      { path: "new.txt", status: "added", additions: 2, deletions: 0 },
      { path: "gone.txt", status: "deleted", additions: 0, deletions: 1 },
      { path: "logo.bin", status: "binary", additions: 0, deletions: 0 },
    ]);
    expect(files[0]?.patch.startsWith("diff --git a/README.md")).toBe(true);
  });

  it("returns no files for an empty diff", () => {
    expect(splitDiff("")).toEqual([]);
  });
});
