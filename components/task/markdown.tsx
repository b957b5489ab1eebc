"use client";

import { Typography } from "antd";
import type { ReactNode } from "react";

/** A small, safe Markdown subset: paragraphs, fenced code, lists and `inline code`. No HTML. */
function inline(text: string): ReactNode[] {
  return text.split(/(`[^`]+`)/g).map((part, i) => (part.startsWith("`") && part.endsWith("`") && part.length > 1 ? <code key={i}>{part.slice(1, -1)}</code> : part));
}

export function Markdown({ text }: { text: string }) {
  const blocks = text.split(/```/);
  return (
    <div>
      {blocks.map((block, i) =>
        i % 2 === 1 ? (
          <pre key={i} style={{ background: "rgba(127,127,127,.12)", padding: 8, borderRadius: 6, overflowX: "auto" }}>
            {block.replace(/^\w*\n/, "")}
          </pre>
        ) : (
          block.split(/\n{2,}/).filter((p) => p.trim()).map((para, j) => {
            const lines = para.split("\n");
            if (lines.every((l) => /^\s*[-*] /.test(l))) {
              return <ul key={`${i}-${j}`}>{lines.map((l, k) => <li key={k}>{inline(l.replace(/^\s*[-*] /, ""))}</li>)}</ul>;
            }
            return <Typography.Paragraph key={`${i}-${j}`} style={{ whiteSpace: "pre-wrap", marginBottom: 8 }}>{inline(para)}</Typography.Paragraph>;
          })
        ),
      )}
    </div>
  );
}
