import { execFile } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

// Finds the `codex` executable the way @openai/codex's bin/codex.js does, but spawns the native
// binary directly: ~85 ms / ~87 MB per app-server instead of ~300 ms / ~129 MB via Node.

const TRIPLES: Record<string, string> = {
  "linux-x64": "x86_64-unknown-linux-musl",
  "linux-arm64": "aarch64-unknown-linux-musl",
  "android-x64": "x86_64-unknown-linux-musl",
  "android-arm64": "aarch64-unknown-linux-musl",
  "darwin-x64": "x86_64-apple-darwin",
  "darwin-arm64": "aarch64-apple-darwin",
  "win32-x64": "x86_64-pc-windows-msvc",
  "win32-arm64": "aarch64-pc-windows-msvc",
};

export interface CodexBinary {
  /** What to spawn: the native binary, or Node itself for the wrapper fallback. */
  command: string;
  /** Arguments before codex's own (the wrapper script path in the fallback). */
  prefixArgs: string[];
  native: boolean;
  /** Variables the npm wrapper sets for the binary (package root, "managed by npm"). */
  env: Record<string, string>;
  /** The package's folder of bundled helpers (rg), to prepend to PATH; null when unknown. */
  pathDir: string | null;
}

/** `dir/node_modules/name`, looking in `from` and each of its parents. */
function findPackage(name: string, from: string[]): string | null {
  for (const start of from) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, "node_modules", name);
      if (existsSync(path.join(candidate, "package.json"))) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  return null;
}

function pathDirOf(vendorDir: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(path.join(vendorDir, "codex-package.json"), "utf8")) as { pathDir?: string };
    return manifest.pathDir ? path.join(vendorDir, manifest.pathDir) : null;
  } catch {
    return null;
  }
}

/**
 * Resolves the codex executable at runtime. `searchFrom` lists folders whose node_modules (or
 * their parents') are searched; by default this module's folder and the working directory.
 */
export function resolveCodexBinary(opts: { searchFrom?: string[] } = {}): CodexBinary {
  // import.meta.dirname is undefined inside Next's server bundles; the working directory is not.
  const from = opts.searchFrom ?? [import.meta.dirname, process.cwd()].filter((d): d is string => Boolean(d));
  const found = findPackage("@openai/codex", from);
  if (!found) throw new Error("@openai/codex is not installed (run npm install).");
  const root = realpathSync(found);
  const env = { CODEX_MANAGED_PACKAGE_ROOT: root, CODEX_MANAGED_BY_NPM: "1" };
  const key = `${process.platform}-${process.arch}`;
  const triple = TRIPLES[key];
  const platformPkg = triple && findPackage(`@openai/codex-${key.replace("android", "linux")}`, [root, ...from]);
  if (triple && platformPkg) {
    const vendorDir = path.join(platformPkg, "vendor", triple);
    const exe = path.join(vendorDir, "bin", process.platform === "win32" ? "codex.exe" : "codex");
    if (existsSync(exe)) return { command: exe, prefixArgs: [], native: true, env, pathDir: pathDirOf(vendorDir) };
  }
  return { command: process.execPath, prefixArgs: [path.join(root, "bin", "codex.js")], native: false, env: {}, pathDir: null };
}

let version: Promise<string> | undefined;

/** The installed codex version ("0.169.0"), from `codex --version`; cached after a success. */
export function codexVersion(): Promise<string> {
  version ??= (async () => {
    const bin = resolveCodexBinary();
    const { stdout } = await promisify(execFile)(bin.command, [...bin.prefixArgs, "--version"], { timeout: 10_000 });
    return stdout.trim().split(/\s+/).at(-1) ?? stdout.trim();
  })().catch((error: unknown) => {
    version = undefined;
    throw error;
  });
  return version;
}
