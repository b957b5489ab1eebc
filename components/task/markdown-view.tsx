"use client";

import { Typography } from "antd";
import ReactMarkdown, { type Components, type ExtraProps } from "react-markdown";
import remarkGfm from "remark-gfm";
import { useHighlighter } from "./diff/use-highlighter";

const CODE_BLOCK = { background: "#0d1117", color: "#e6edf3", padding: 12, borderRadius: 8, overflowX: "auto", fontSize: 12 } as const;
type Element = NonNullable<ExtraProps["node"]>;

const SAFE_URL = /^(https?:|mailto:)/i;

/** Only web and mail links survive; anything else (javascript:, data:, relative) loses its URL. */
export const safeUrl = (url: string): string | null => (SAFE_URL.test(url.trim()) ? url : null);

function textOf(node: Element | undefined): string {
  return (node?.children ?? []).map((c) => (c.type === "text" ? c.value : c.type === "element" ? textOf(c) : "")).join("");
}

/** A fenced block, highlighted once highlight.js has loaded and knows the language. */
function CodeBlock({ node }: { node: Element | undefined }) {
  const highlighter = useHighlighter();
  const code = node?.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
  const className = code?.properties.className;
  const lang = (Array.isArray(className) ? className : []).map(String).find((c) => c.startsWith("language-"))?.slice(9) ?? "";
  const text = textOf(code).replace(/\n$/, "");
  const html = highlighter?.highlightBlock(text, lang);
  if (html) return <pre style={CODE_BLOCK} data-lang={lang}><code dangerouslySetInnerHTML={{ __html: html }} /></pre>;
  return <pre style={CODE_BLOCK} data-lang={lang || undefined}><code>{text}</code></pre>;
}

const components: Components = {
  pre: ({ node }) => <CodeBlock node={node} />,
  code: ({ children }) => <Typography.Text code>{children}</Typography.Text>,
  p: ({ children }) => <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 8 }}>{children}</Typography.Paragraph>,
  h1: ({ children }) => <Typography.Title level={3} style={{ marginTop: 8 }}>{children}</Typography.Title>,
  h2: ({ children }) => <Typography.Title level={4} style={{ marginTop: 8 }}>{children}</Typography.Title>,
  h3: ({ children }) => <Typography.Title level={5} style={{ marginTop: 8 }}>{children}</Typography.Title>,
  ul: ({ children }) => <ul className="md-list">{children}</ul>,
  ol: ({ children, start }) => <ol className="md-list" start={start}>{children}</ol>,
  table: ({ children }) => <div className="md-table"><table>{children}</table></div>,
  a: ({ href, children }) => (href ? <a href={href} target="_blank" rel="noreferrer noopener">{children}</a> : <>{children}</>),
  img: ({ src, alt }) => (typeof src === "string" && src ? <a href={src} target="_blank" rel="noreferrer noopener">{alt || src}</a> : <>{alt}</>),
};

/** Markdown (GitHub flavour) as React elements; raw HTML is shown as text, never parsed. */
export function MarkdownView({ text }: { text: string }) {
  return (
    <div className="md">
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components} urlTransform={safeUrl}>{text}</ReactMarkdown>
    </div>
  );
}
