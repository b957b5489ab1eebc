import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as Glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import { migrationAwarePgFactory } from "./pg-adapter";

// Prisma's schema engine compiled to WebAssembly, driven through @prisma/adapter-pg: no Rust
// binary download (see "Prisma 7 offline" in the stack notes).
//
// Which .wasm: `prisma/build/schema_engine_bg.wasm` is the engine the installed prisma CLI and
// the generated client were built with (commit d1b3f377…); @prisma/schema-engine-wasm is pinned
// to an older build (561d7b42…) and is the only package that ships the JS glue. wasm-bindgen
// names every import after its signature, and both builds import exactly the 90 functions this
// glue exports, so the glue drives either; applyMigrations, diff and diagnoseMigrationHistory
// were verified with both. We take the CLI's build when the glue satisfies its imports and fall
// back to the package's own otherwise.
const require = createRequire(import.meta.url);
const GLUE_MODULE = "./schema_engine_bg.js";

type SchemaEngine = Glue.SchemaEngine;

function wasmCandidates(): string[] {
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const cliPath = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm");
  return [cliPath, path.join(path.dirname(gluePath), "schema_engine_bg.wasm")].filter((p) => existsSync(p));
}

async function compatibleModule(glue: object): Promise<{ module: WebAssembly.Module; wasmPath: string }> {
  const tried: string[] = [];
  for (const wasmPath of wasmCandidates()) {
    const module = new WebAssembly.Module(await readFile(wasmPath));
    const missing = WebAssembly.Module.imports(module).filter((i) => i.module !== GLUE_MODULE || !(i.name in glue));
    if (missing.length === 0) return { module, wasmPath };
    tried.push(`${wasmPath} (needs ${missing.map((i) => i.name).slice(0, 3).join(", ")})`);
  }
  throw new Error(`No schema engine .wasm matches @prisma/schema-engine-wasm's glue: ${tried.join("; ") || "none found"}`);
}

export interface LoadedEngine {
  glue: typeof Glue;
  /** The .wasm file in use. */
  wasmPath: string;
}

let loaded: Promise<LoadedEngine> | undefined;

// The engine arms a 10 s timer in applyMigrations (its migration-lock timeout) and, having no
// clearTimeout import, never cancels it: every script would linger 10 s after finishing. Its
// timers only ever race real I/O, which keeps the process alive by itself, so they are unref'd.
function withUnrefTimers(glue: typeof Glue): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...glue };
  for (const name of Object.keys(imports)) {
    if (name.startsWith("__wbg_setTimeout_")) {
      imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
  }
  return imports;
}

// Before trapping, an engine panic reports its message to this global (the Prisma CLI defines
// it); without one the panic surfaces as an unrelated TypeError. The trap itself escapes as an
// uncaught exception that ends the process, so the message is written out right away.
function installPanicRegistry(): void {
  const holder = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  holder.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message) => process.stderr.write(`Prisma schema engine panicked: ${message}\n`),
  };
}

async function load(): Promise<LoadedEngine> {
  installPanicRegistry();
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const { module, wasmPath } = await compatibleModule(glue);
  const instance = new WebAssembly.Instance(module, { [GLUE_MODULE]: withUnrefTimers(glue) });
  glue.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start !== "function") throw new Error("schema engine .wasm has no __wbindgen_start export");
  start();
  return { glue, wasmPath };
}

/** The wasm module is instantiated once per process. */
export function loadSchemaEngine(): Promise<LoadedEngine> {
  loaded ??= load().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

export interface OpenEngine {
  engine: SchemaEngine;
  schema: { path: string; content: string };
  close(): Promise<void>;
}

/** A schema engine on `url` with the Prisma schema at `schemaPath` loaded. Call `close()`. */
export async function openSchemaEngine(opts: {
  url: string;
  schemaPath: string;
  log?: (message: string) => void;
}): Promise<OpenEngine> {
  const { glue } = await loadSchemaEngine();
  const schema = { path: path.resolve(opts.schemaPath), content: await readFile(opts.schemaPath, "utf8") };
  const factory = migrationAwarePgFactory({ url: opts.url });
  const log = opts.log ?? (() => {});
  try {
    const engine = await glue.SchemaEngine.new(
      { datamodels: [[schema.path, schema.content]] },
      log,
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    const close = async () => {
      engine.free();
      await factory.disposeAll();
    };
    return { engine, schema, close };
  } catch (error) {
    await factory.disposeAll();
    throw error;
  }
}
