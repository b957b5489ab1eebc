"use client";

import { Typography } from "antd";
import { type Block, parseBlocks, parseInline } from "@/lib/markdown/parse";

const CODE_BLOCK = { background: "#0d1117", color: "#e6edf3", padding: 12, borderRadius: 8, overflowX: "auto", fontSize: 12 } as const;

function Inline({ text }: { text: string }) {
  return parseInline(text).map((part, i) => {
    if (part.type === "code") return <Typography.Text key={i} code>{part.text}</Typography.Text>;
    if (part.type === "bold") return <strong key={i}>{part.text}</strong>;
    if (part.type === "link") return <a key={i} href={part.href} target="_blank" rel="noreferrer noopener">{part.text}</a>;
    return part.text;
  });
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case "code":
      return <pre style={CODE_BLOCK}>{block.text}</pre>;
    case "heading":
      return <Typography.Title level={block.level + 2 as 3 | 4 | 5} style={{ marginTop: 8 }}><Inline text={block.text} /></Typography.Title>;
    case "list": {
      const List = block.ordered ? "ol" : "ul";
      return <List style={{ margin: "0 0 8px", paddingInlineStart: 22 }}>{block.items.map((item, i) => <li key={i}><Inline text={item} /></li>)}</List>;
    }
    case "paragraph":
      return <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 8 }}><Inline text={block.text} /></Typography.Paragraph>;
  }
}

/** An agent message: a safe Markdown subset rendered as React elements, never as HTML. */
export function Markdown({ text }: { text: string }) {
  return <div>{parseBlocks(text).map((block, i) => <BlockView key={i} block={block} />)}</div>;
}
