/** highlight.js language names by file extension or name; files not listed are shown plain. */
const BY_EXTENSION: Record<string, string> = {
  ts: "typescript", tsx: "typescript", mts: "typescript", cts: "typescript",
  js: "javascript", jsx: "javascript", mjs: "javascript", cjs: "javascript",
  json: "json", css: "css", scss: "scss", html: "xml", xml: "xml", svg: "xml", vue: "xml",
  md: "markdown", mdx: "markdown", py: "python", go: "go", rs: "rust",
  sh: "bash", bash: "bash", zsh: "bash", yml: "yaml", yaml: "yaml", toml: "ini", ini: "ini",
  java: "java", kt: "kotlin", swift: "swift", c: "c", h: "c", cc: "cpp", cpp: "cpp", hpp: "cpp",
  cs: "csharp", rb: "ruby", php: "php", sql: "sql",
};

const BY_NAME: Record<string, string> = { Dockerfile: "dockerfile", Makefile: "makefile" };

export const LANGUAGES = [...new Set([...Object.values(BY_EXTENSION), ...Object.values(BY_NAME)])];

export function languageOf(path: string): string | null {
  const name = path.split("/").pop() ?? "";
  if (BY_NAME[name]) return BY_NAME[name];
  const dot = name.lastIndexOf(".");
  return dot > 0 ? (BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? null) : null;
}
