import { accessSync, constants, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codexVersion, resolveCodexBinary } from "./codex-binary";

const root = path.resolve(import.meta.dirname, "../..");

describe("resolveCodexBinary", () => {
  it("finds the native binary of the installed platform package", () => {
    const bin = resolveCodexBinary();
    expect(bin.native).toBe(true);
    expect(bin.command).toBe(path.join(root, "node_modules/@openai/codex-linux-x64/vendor/x86_64-unknown-linux-musl/bin/codex"));
    expect(() => accessSync(bin.command, constants.X_OK)).not.toThrow();
    expect(bin.prefixArgs).toEqual([]);
    expect(bin.env).toEqual({ CODEX_MANAGED_PACKAGE_ROOT: path.join(root, "node_modules/@openai/codex"), CODEX_MANAGED_BY_NPM: "1" });
    expect(bin.pathDir && readFileSync(path.join(bin.pathDir, "rg")).length).toBeGreaterThan(0);
  });

  it("falls back to the Node wrapper when no platform package is installed", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "codex-bin-"));
    const pkg = path.join(dir, "node_modules/@openai/codex");
    await mkdir(path.join(pkg, "bin"), { recursive: true });
    await writeFile(path.join(pkg, "package.json"), "{}");
    const bin = resolveCodexBinary({ searchFrom: [dir] });
    expect(bin).toEqual({ command: process.execPath, prefixArgs: [path.join(pkg, "bin/codex.js")], native: false, env: {}, pathDir: null });
    await rm(dir, { recursive: true });
  });

  it("says so when @openai/codex is missing", () => {
    expect(() => resolveCodexBinary({ searchFrom: ["/"] })).toThrow(/@openai\/codex is not installed/);
  });
});

describe("codexVersion", () => {
  it("reports the installed version, once", async () => {
    const installed = JSON.parse(readFileSync(path.join(root, "node_modules/@openai/codex/package.json"), "utf8")) as { version: string };
    const first = codexVersion();
    expect(codexVersion()).toBe(first);
    expect(await first).toBe(installed.version);
  });
});
