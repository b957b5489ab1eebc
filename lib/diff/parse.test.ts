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
diff --git a/icon.png b/icon.png
new file mode 100644
index 0000000..6666666
GIT binary patch
literal 3
KcmZQzWMT{e00RI3

literal 0
HcmV?d00001

`;

describe("splitDiff", () => {
  it("splits files with status and counts, including lines that look like headers", () => {
    const files = splitDiff(diff);
    expect(files.map(({ path, status, additions, deletions }) => ({ path, status, additions, deletions }))).toEqual([
      { path: "README.md", status: "modified", additions: 1, deletions: 1 },
      { path: "new.txt", status: "added", additions: 2, deletions: 0 },
      { path: "gone.txt", status: "deleted", additions: 0, deletions: 1 },
      { path: "logo.bin", status: "binary", additions: 0, deletions: 0 },
      { path: "icon.png", status: "binary", additions: 0, deletions: 0 },
    ]);
    expect(files[0]?.patch.startsWith("diff --git a/README.md")).toBe(true);
  });

  it("reads paths git quotes or that hold spaces, and renames", () => {
    const quoted = [
      'diff --git "a/\\303\\251.txt" "b/\\303\\251.txt"', "new file mode 100644", "index 0000000..45b983b", "--- /dev/null", '+++ "b/\\303\\251.txt"', "@@ -0,0 +1 @@", "+hi",
      'diff --git "a/tab\\tq\\"t.txt" "b/tab\\tq\\"t.txt"', "deleted file mode 100644", "index 45b983b..0000000", '--- "a/tab\\tq\\"t.txt"', "+++ /dev/null", "@@ -1 +0,0 @@", "-hi",
      "diff --git a/old name.md b/new name.md", "similarity index 100%", "rename from old name.md", "rename to new name.md", "",
    ].join("\n");
    expect(splitDiff(quoted).map(({ path, status }) => ({ path, status }))).toEqual([
      { path: "é.txt", status: "added" },
      { path: 'tab\tq"t.txt', status: "deleted" },
      { path: "new name.md", status: "renamed" },
    ]);
  });

  it("returns no files for an empty diff", () => {
    expect(splitDiff("")).toEqual([]);
  });
});
