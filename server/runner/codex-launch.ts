import { once } from "node:events";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EgressPolicy } from "../sandbox/egress-proxy";
import type { ModelTarget } from "../sandbox/model-forwarder";
import { MODEL_URL } from "../sandbox/network";
import type { SandboxMount } from "../sandbox/spec";
import type { TaskSandbox } from "../sandbox/task-sandbox";
import { resolveCodexBinary, type CodexBinary } from "./codex-binary";
import { buildCodexConfig, type CodexConfigOptions, type ModelProviderConfig, OPENAI_BASE_URL } from "./codex-config";
import type { AppServerLauncher } from "./codex-peer";

// How a task's app-server starts: in the task's sandbox, with its config.toml placed read-only in
// its CODEX_HOME, the model reached through the server's forwarder (which holds the key) and the
// internet through the egress proxy when the environment allows the agent out.

/** codex's system config layer, below CODEX_HOME/config.toml. */
const SYSTEM_CONFIG = "/etc/codex/config.toml";

/** Where the server sends the task's model requests, with the key it adds. */
export function modelTarget(provider: ModelProviderConfig): ModelTarget {
  switch (provider.provider) {
    case "demo":
      return { baseUrl: provider.baseUrl };
    case "openai":
      return { baseUrl: provider.baseUrl ?? OPENAI_BASE_URL, apiKey: provider.apiKey };
    case "custom":
      return { baseUrl: provider.baseUrl, apiKey: provider.apiKey };
  }
}

/** The codex package's folders the sandbox shows read-only (the binary and its bundled tools). */
function binaryMounts(binary: CodexBinary): SandboxMount[] {
  const dirs = binary.native ? [path.dirname(binary.command), binary.pathDir] : [...binary.prefixArgs.map((a) => path.dirname(path.dirname(a))), path.dirname(binary.command)];
  return [...new Set(dirs.filter((d): d is string => Boolean(d) && !d!.startsWith("/usr/")))].map((p) => ({ path: p, writable: false }));
}

export interface AppServerStart {
  launcher: AppServerLauncher;
  /** Variables for the app-server: CODEX_HOME, and provider keys only when unsandboxed. */
  env: Record<string, string>;
}

export async function appServerStart(opts: {
  sandbox: TaskSandbox;
  config: CodexConfigOptions;
  /** The internet for the agent: null keeps it off (the model is always reachable). */
  egress: EgressPolicy | null;
  variables: Record<string, string>;
  binary?: CodexBinary;
}): Promise<AppServerStart> {
  const { sandbox } = opts;
  const binary = opts.binary ?? resolveCodexBinary();
  const forwarded = sandbox.forwardsModel;
  const config = buildCodexConfig({ ...opts.config, forwardedBaseUrl: forwarded ? MODEL_URL : undefined, commandNetwork: opts.egress !== null });
  const userConfig = path.join(sandbox.codexHome, "config.toml");
  if (forwarded) {
    // Sandboxed, the config is codex's system layer, a read-only file of the sandbox's own /etc; a
    // config.toml in CODEX_HOME (written before the sandbox existed) would override it.
    await rm(userConfig, { force: true });
  } else {
    await mkdir(sandbox.codexHome, { recursive: true, mode: 0o700 });
    await writeFile(userConfig, config.toml, { mode: 0o600 });
  }
  const pathVar = [binary.pathDir, sandbox.baseEnv().PATH].filter(Boolean).join(":");
  const launcher: AppServerLauncher = async (argv, codexEnv) => {
    const child = await sandbox.spawn({
      argv,
      cwd: sandbox.dir,
      env: { ...opts.variables, ...codexEnv, PATH: pathVar },
      mounts: binaryMounts(binary),
      files: forwarded ? [{ path: SYSTEM_CONFIG, content: config.toml }] : [],
      model: forwarded ? modelTarget(opts.config.provider) : undefined,
      egress: opts.egress ?? undefined,
      detached: true,
    });
    await once(child, "spawn");
    return child;
  };
  return { launcher, env: { ...(forwarded ? {} : config.env), CODEX_HOME: sandbox.codexHome } };
}
