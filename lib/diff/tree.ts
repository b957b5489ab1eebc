// The changed files as a folder tree for the diff's side panel. Folders with a single folder
// inside are joined ("src/app"), as code review tools do.

export interface TreeFile {
  path: string;
}

export interface TreeNode<F extends TreeFile> {
  key: string;
  name: string;
  file?: F;
  children: TreeNode<F>[];
}

function compress<F extends TreeFile>(node: TreeNode<F>): TreeNode<F> {
  node.children = node.children.map(compress);
  const only = node.children[0];
  if (node.children.length === 1 && only && !only.file && !node.file && node.key !== "") {
    return { ...only, name: `${node.name}/${only.name}` };
  }
  return node;
}

function sort<F extends TreeFile>(nodes: TreeNode<F>[]): TreeNode<F>[] {
  return nodes
    .map((n) => ({ ...n, children: sort(n.children) }))
    .sort((a, b) => Number(Boolean(a.file)) - Number(Boolean(b.file)) || a.name.localeCompare(b.name));
}

export function fileTree<F extends TreeFile>(files: readonly F[]): TreeNode<F>[] {
  const root: TreeNode<F> = { key: "", name: "", children: [] };
  for (const file of files) {
    const parts = file.path.split("/");
    let node = root;
    parts.forEach((part, i) => {
      const key = parts.slice(0, i + 1).join("/");
      const leaf = i === parts.length - 1;
      let child = node.children.find((c) => c.key === (leaf ? `file:${key}` : key));
      if (!child) {
        child = { key: leaf ? `file:${key}` : key, name: part, children: [], ...(leaf ? { file } : {}) };
        node.children.push(child);
      }
      node = child;
    });
  }
  return sort(compress(root).children);
}
