import { describe, expect, it } from "vitest";
import { fileTree, type TreeNode } from "./tree";

const names = (nodes: TreeNode<{ path: string }>[]): unknown[] => nodes.map((n) => (n.file ? n.name : { [n.name]: names(n.children) }));

describe("fileTree", () => {
  it("nests files in folders, folders first, and joins single-folder chains", () => {
    const tree = fileTree([{ path: "src/app/page.tsx" }, { path: "README.md" }, { path: "src/app/layout.tsx" }, { path: "src/lib/a.ts" }, { path: "deep/er/x.ts" }]);
    expect(names(tree)).toEqual([{ "deep/er": ["x.ts"] }, { src: [{ app: ["layout.tsx", "page.tsx"] }, { lib: ["a.ts"] }] }, "README.md"]);
  });
  it("keeps each file on its leaf", () => {
    const file = { path: "a/b.ts" };
    expect(fileTree([file])[0]?.children[0]?.file).toBe(file);
  });
});
