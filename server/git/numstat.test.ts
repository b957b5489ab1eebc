import { describe, expect, it } from "vitest";
import { parseNumstatZ, statsOf } from "./numstat";

describe("parseNumstatZ", () => {
  it("reads text, binary and renamed files with paths as they are", () => {
    const files = parseNumstatZ("3\t1\ta.ts\0-\t-\tlogo.png\0" + "0\t5\t\0old name.md\0new\tname.md\0" + "1\t0\tnl\nx.txt\0");
    expect(files).toEqual([
      { path: "a.ts", additions: 3, deletions: 1 },
      { path: "logo.png", additions: null, deletions: null },
      { path: "new\tname.md", oldPath: "old name.md", additions: 0, deletions: 5 },
      { path: "nl\nx.txt", additions: 1, deletions: 0 },
    ]);
    expect(statsOf(files)).toEqual({ filesChanged: 4, linesAdded: 4, linesRemoved: 6 });
  });

  it("is empty for no output", () => {
    expect(parseNumstatZ("")).toEqual([]);
  });
});
