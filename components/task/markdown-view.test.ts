import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { highlightBlock } from "@/lib/diff/highlight";
import { MarkdownView, safeUrl } from "./markdown-view";

/** The markup, without the newlines the renderer puts between blocks. */
const html = (text: string) => renderToStaticMarkup(createElement(MarkdownView, { text })).replace(/>\n+</g, "><");

describe("MarkdownView", () => {
  it("renders headings, a list that follows a line, nested and ordered lists and fenced code", () => {
    const out = html("# Done\nSummary of the run:\n- Looked around\n  - twice\n- Wrote `a.txt`\n\n1. one\n2. two\n\n```ts\nconst a = 1;\n```\nBye");
    expect(out).toMatch(/<h3[^>]*>Done<\/h3>/);
    expect(out).toMatch(/<div[^>]*>Summary of the run:<\/div><ul class="md-list"><li>Looked around\n<ul class="md-list"><li>twice<\/li><\/ul>/);
    expect(out).toMatch(/<code[^>]*>a\.txt<\/code>/);
    expect(out).toContain('<ol class="md-list"><li>one</li><li>two</li>');
    expect(out).toMatch(/<pre [^>]*data-lang="ts"><code>const a = 1;<\/code><\/pre>/);
    expect(out).toMatch(/>Bye<\/div><\/div>$/);
  });

  it("renders tables", () => {
    const out = html("| file | lines |\n| --- | ---: |\n| a.ts | 3 |");
    expect(out).toContain('<div class="md-table"><table><thead><tr><th>file</th><th style="text-align:right">lines</th></tr></thead>');
    expect(out).toContain("<td>a.ts</td>");
  });

  it("runs an unclosed fence to the end while a message streams", () => {
    expect(html("Here:\n```\nls -la")).toMatch(/Here:<\/div><pre [^>]*><code>ls -la<\/code><\/pre>/);
  });

  it("shows raw HTML as text and keeps only web and mail links", () => {
    const out = html('<img src=x onerror="alert(1)"> **bold** [docs](https://example.com) [x](javascript:alert(1)) ![pic](data:image/png;base64,AA)');
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(out).toContain("<strong>bold</strong>");
    expect(out).toContain('<a href="https://example.com" target="_blank" rel="noreferrer noopener">docs</a>');
    expect(out).not.toMatch(/javascript:|data:image|<img/);
    expect(out).toContain(" x ");
    expect(safeUrl("mailto:a@b.c")).toBe("mailto:a@b.c");
    expect(safeUrl("/relative")).toBeNull();
  });
});

describe("highlightBlock", () => {
  it("highlights known languages by name or alias and leaves others to plain text", () => {
    expect(highlightBlock("const a = 1;", "ts")).toContain('<span class="hljs-keyword">const</span>');
    expect(highlightBlock("x", "nope")).toBeNull();
    expect(highlightBlock("x", "")).toBeNull();
  });
});
