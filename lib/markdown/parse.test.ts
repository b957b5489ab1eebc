import { describe, expect, it } from "vitest";
import { parseBlocks, parseInline } from "./parse";

describe("parseBlocks", () => {
  it("splits paragraphs, lists that follow a line, headings and fenced code", () => {
    const text = "# Done\nSummary of the run:\n- Looked around\n- Wrote `a.txt`\n\n1. one\n2. two\n\n```ts\nconst a = 1;\n```\nBye";
    expect(parseBlocks(text)).toEqual([
      { type: "heading", level: 1, text: "Done" },
      { type: "paragraph", text: "Summary of the run:" },
      { type: "list", ordered: false, items: ["Looked around", "Wrote `a.txt`"] },
      { type: "list", ordered: true, items: ["one", "two"] },
      { type: "code", lang: "ts", text: "const a = 1;" },
      { type: "paragraph", text: "Bye" },
    ]);
  });

  it("runs an unclosed fence to the end while a message streams", () => {
    expect(parseBlocks("Here:\n```\nls -la")).toEqual([
      { type: "paragraph", text: "Here:" },
      { type: "code", lang: "", text: "ls -la" },
    ]);
  });
});

describe("parseInline", () => {
  it("finds code, bold and http links and leaves everything else as text", () => {
    expect(parseInline("Run `npm test`, **then** see [docs](https://example.com) or [x](javascript:alert(1))")).toEqual([
      { type: "text", text: "Run " },
      { type: "code", text: "npm test" },
      { type: "text", text: ", " },
      { type: "bold", text: "then" },
      { type: "text", text: " see " },
      { type: "link", text: "docs", href: "https://example.com" },
      { type: "text", text: " or [x](javascript:alert(1))" },
    ]);
  });
});
