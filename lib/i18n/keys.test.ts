import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalog } from "./messages";

// The type system checks keys through MessageKey; this proves nothing slips past it: every
// "<area>.<name>" literal in the interface's code names a message, and no key is cast or built.

const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && /\.tsx?$/.test(f.name) && !f.name.endsWith(".test.ts"))
    .map((f) => path.join(f.parentPath, f.name));
}

const files = [...sources("components"), ...sources("app")].map((file) => ({ file: path.relative(root, file), text: readFileSync(file, "utf8") }));
const areas = Object.keys(catalog).join("|");
const keyLiteral = new RegExp(`"((?:${areas})\\.\\w+)"`, "g");

function exists(key: string): boolean {
  const [area, name] = key.split(".") as [keyof typeof catalog, string];
  const en: Record<string, string> = catalog[area].en;
  return name in en || `${name}_one` in en || `${name}_other` in en;
}

describe("message keys in components", () => {
  const used = files.flatMap(({ file, text }) => [...text.matchAll(keyLiteral)].map((m) => ({ file, key: m[1]! })));

  it("finds the keys the interface uses", () => {
    expect(new Set(used.map((u) => u.key)).size).toBeGreaterThan(150);
  });
  it("names only messages that exist", () => {
    expect(used.filter((u) => !exists(u.key))).toEqual([]);
  });
  it("never casts a key or builds one from pieces", () => {
    const bypass = /\bas\s+MessageKey\b|\bt\(\s*`|\bt\([^)"]*\bas\s/;
    expect(files.filter(({ text }) => bypass.test(text)).map((f) => f.file)).toEqual([]);
  });
});
