import { describe, expect, it } from "vitest";
import { splitRows, unifiedRows } from "./rows";

const patch = [
  "diff --git a/src/a.ts b/src/a.ts",
  "index 1111111..2222222 100644",
  "--- a/src/a.ts",
  "+++ b/src/a.ts",
  "@@ -10,4 +10,5 @@ export function a() {",
  " keep",
  "-old one",
  "-old two",
  "+new one",
  "+new two",
  "+new three",
  " tail",
  "\\ No newline at end of file",
  "",
].join("\n");

describe("unifiedRows", () => {
  it("numbers old and new lines from the hunk header and drops the file header", () => {
    const rows = unifiedRows(patch);
    expect(rows[0]).toEqual({ type: "hunk", header: "@@ -10,4 +10,5 @@ export function a() {" });
    expect(rows.slice(1, 4)).toEqual([
      { type: "line", kind: "context", text: "keep", oldNo: 10, newNo: 10 },
      { type: "line", kind: "del", text: "old one", oldNo: 11 },
      { type: "line", kind: "del", text: "old two", oldNo: 12 },
    ]);
    expect(rows.at(-2)).toEqual({ type: "line", kind: "context", text: "tail", oldNo: 13, newNo: 14 });
    expect(rows.at(-1)).toEqual({ type: "note", text: "No newline at end of file" });
  });
  it("gives a binary patch no rows", () => {
    expect(unifiedRows("diff --git a/x.png b/x.png\nGIT binary patch\nliteral 3\n")).toEqual([]);
  });
});

describe("splitRows", () => {
  it("pairs deletions with the additions that follow them", () => {
    const pairs = splitRows(unifiedRows(patch)).filter((r) => r.type === "pair");
    expect(pairs.map((p) => [p.left?.text ?? null, p.right?.text ?? null])).toEqual([
      ["keep", "keep"],
      ["old one", "new one"],
      ["old two", "new two"],
      [null, "new three"],
      ["tail", "tail"],
    ]);
  });
  it("keeps an addition followed by a deletion on separate rows", () => {
    const rows = splitRows(unifiedRows("@@ -1,1 +1,1 @@\n+added\n-removed\n"));
    expect(rows.slice(1)).toEqual([
      { type: "pair", left: undefined, right: { type: "line", kind: "add", text: "added", newNo: 1 } },
      { type: "pair", left: { type: "line", kind: "del", text: "removed", oldNo: 1 }, right: undefined },
    ]);
  });
});
