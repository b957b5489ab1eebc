import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ConfigWarningNotification } from "../generated/codex-protocol/v2/ConfigWarningNotification";
import type { CodexBinary } from "./codex-binary";
import { openCodex } from "./codex-client";
import { buildCodexConfig, CodexConfigError, type CodexConfigOptions, type ModelProviderConfig } from "./codex-config";
import type { ServerNotification } from "./rpc-types";

export interface CodexHome {
  dir: string;
  /** Everything the app-server process needs: CODEX_HOME and the provider's key variable. */
  env: Record<string, string>;
}

/** Writes `dir/config.toml` for a task (creating `dir`); throws CodexConfigError on bad extra TOML. */
export async function writeCodexHome(opts: CodexConfigOptions & { dir: string }): Promise<CodexHome> {
  const config = buildCodexConfig(opts);
  await mkdir(opts.dir, { recursive: true, mode: 0o700 });
  await writeFile(path.join(opts.dir, "config.toml"), config.toml, { mode: 0o600 });
  return { dir: opts.dir, env: { ...config.env, CODEX_HOME: opts.dir } };
}

export type ConfigCheck = { ok: true; warnings: string[] } | { ok: false; error: string; warnings: string[] };

function warningText(w: ConfigWarningNotification): string {
  return w.details ? `${w.summary} ${w.details}` : w.summary;
}

/**
 * Asks codex itself whether it can load this configuration: a throwaway CODEX_HOME, an
 * app-server, `config/read`. Warnings are codex's notes on this file (e.g. unknown keys).
 * Starts no thread, so no MCP server is launched.
 */
export async function checkCodexConfig(opts: { provider: ModelProviderConfig; extraToml?: string | null; binary?: CodexBinary }): Promise<ConfigCheck> {
  const dir = await mkdtemp(path.join(tmpdir(), "codex-config-check-"));
  try {
    const home = await writeCodexHome({ ...opts, dir });
    const configPath = path.join(dir, "config.toml");
    const warnings: string[] = [];
    const onNotification = (n: ServerNotification) => {
      const text = n.method === "configWarning" ? warningText(n.params) : "";
      if (text.includes(configPath)) warnings.push(text.replaceAll(configPath, "config.toml"));
    };
    const { peer } = await openCodex({ cwd: dir, env: home.env, binary: opts.binary, requestTimeoutMs: 15_000, onNotification });
    try {
      await peer.request("config/read", { includeLayers: false, cwd: dir });
      return { ok: true, warnings };
    } catch (error) {
      return { ok: false, error: (error as Error).message.replace(/^config\/read failed: /, ""), warnings };
    } finally {
      await peer.close({ graceMs: 1000 });
    }
  } catch (error) {
    if (error instanceof CodexConfigError) return { ok: false, error: error.message, warnings: [] };
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
