"use client";

import { Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { useMemo } from "react";
import { fileTree, type TreeNode } from "@/lib/diff/tree";
import type { TDiffFile } from "@/lib/schemas/tasks";
import { useT } from "../../i18n/locale-provider";

function toData(nodes: TreeNode<TDiffFile>[]): DataNode[] {
  return nodes.map((node) => ({
    key: node.key,
    isLeaf: Boolean(node.file),
    title: node.file ? (
      <span className="diff-tree-file">
        <span>{node.name}</span>
        <span className="diff-count-add">+{node.file.additions}</span>
        <span className="diff-count-del">−{node.file.deletions}</span>
      </span>
    ) : (
      node.name
    ),
    children: toData(node.children),
  }));
}

/** The changed files as a folder tree; picking one shows it. */
export function FileTree({ files, onPick }: { files: TDiffFile[]; onPick: (path: string) => void }) {
  const t = useT();
  const data = useMemo(() => toData(fileTree(files)), [files]);
  return (
    <nav aria-label={t("diff.changedFiles")} className="diff-tree">
      <Typography.Text type="secondary" strong>{t("diff.changedFiles")}</Typography.Text>
      <Tree
        treeData={data}
        defaultExpandAll
        blockNode
        showLine
        selectedKeys={[]}
        onSelect={(_, info) => {
          const key = String(info.node.key);
          if (key.startsWith("file:")) onPick(key.slice(5));
        }}
      />
    </nav>
  );
}
