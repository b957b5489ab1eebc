"use client";

import { lazy, Suspense } from "react";

// react-markdown and its parser load with the first message, not with the page.
const MarkdownView = lazy(() => import("./markdown-view").then((m) => ({ default: m.MarkdownView })));

/** An agent message as Markdown; plain text until the renderer has loaded. */
export function Markdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<div style={{ whiteSpace: "pre-wrap", marginBottom: 8 }}>{text}</div>}>
      <MarkdownView text={text} />
    </Suspense>
  );
}
