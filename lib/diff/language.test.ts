import { describe, expect, it } from "vitest";
import { highlightLine } from "./highlight";
import { LANGUAGES, languageOf } from "./language";

describe("languageOf", () => {
  it("maps extensions and well-known names", () => {
    expect(languageOf("src/app/page.tsx")).toBe("typescript");
    expect(languageOf("docs/README.MD")).toBe("markdown");
    expect(languageOf("deploy/Dockerfile")).toBe("dockerfile");
    expect(languageOf("LICENSE")).toBeNull();
    expect(languageOf(".env")).toBeNull();
  });
});

describe("highlightLine", () => {
  it("knows every language the map can return", () => {
    for (const language of LANGUAGES) expect(() => highlightLine("x = 1", language), language).not.toThrow();
  });
  it("marks keywords and escapes markup", () => {
    const html = highlightLine("const x = '<b>';", "typescript");
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain("&lt;b&gt;");
    expect(html).not.toContain("<b>");
  });
});
