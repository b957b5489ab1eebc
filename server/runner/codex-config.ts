import { parse, stringify, TomlError, type TomlTable } from "smol-toml";

// Builds a task's CODEX_HOME/config.toml: the model provider, then the environment's extra
// TOML (MCP servers, custom tools, ...). API keys never go into the file: the provider names an
// environment variable (`env_key`) and the runner passes the key to the process in it.

export type ModelProviderConfig =
  /** The built-in demo model (server/demo-model); `baseUrl` ends in /v1. */
  | { provider: "demo"; baseUrl: string; model?: string }
  | { provider: "openai"; apiKey: string; model?: string; baseUrl?: string }
  /** Any Responses-compatible server; `apiKey` is optional for servers that need none. */
  | { provider: "custom"; baseUrl: string; model?: string; apiKey?: string };

export const OPENAI_KEY_VAR = "OPENAI_API_KEY";
export const CUSTOM_KEY_VAR = "CODEX_CUSTOM_API_KEY";
export const OPENAI_BASE_URL = "https://api.openai.com/v1";

/** Invalid extra TOML, or TOML that overrides what the model settings control. */
export class CodexConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CodexConfigError";
  }
}

export interface CodexConfig {
  toml: string;
  /** Variables the app-server process needs (API keys), besides CODEX_HOME. */
  env: Record<string, string>;
}

function providerTable(p: ModelProviderConfig): { id: string; table: TomlTable; env: Record<string, string> } {
  switch (p.provider) {
    case "demo":
      return {
        id: "demo",
        table: { name: "demo", base_url: p.baseUrl, wire_api: "responses", request_max_retries: 0, stream_max_retries: 0, supports_websockets: false },
        env: {},
      };
    case "openai":
      return {
        id: "openai-api",
        table: { name: "OpenAI", base_url: p.baseUrl ?? OPENAI_BASE_URL, env_key: OPENAI_KEY_VAR, wire_api: "responses" },
        env: { [OPENAI_KEY_VAR]: p.apiKey },
      };
    case "custom":
      return {
        id: "custom",
        table: { name: "custom", base_url: p.baseUrl, wire_api: "responses", ...(p.apiKey ? { env_key: CUSTOM_KEY_VAR } : {}) },
        env: p.apiKey ? { [CUSTOM_KEY_VAR]: p.apiKey } : {},
      };
  }
}

function parseExtra(extraToml: string): TomlTable {
  try {
    return parse(extraToml);
  } catch (error) {
    if (error instanceof TomlError) throw new CodexConfigError(`Invalid TOML at line ${error.line}, column ${error.column}: ${error.message.split("\n")[0]}`);
    throw error;
  }
}

const isTable = (v: unknown): v is TomlTable => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Adds `extra` into `base`; a key both set (other than two tables) is an error. */
function merge(base: TomlTable, extra: TomlTable, at: string[] = []): TomlTable {
  const out: TomlTable = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (isTable(existing) && isTable(value)) out[key] = merge(existing, value, [...at, key]);
    else throw new CodexConfigError(`The extra codex config sets \`${[...at, key].join(".")}\`, which the environment's model settings control.`);
  }
  return out;
}

export interface CodexConfigOptions {
  provider: ModelProviderConfig;
  extraToml?: string | null;
  /** How long codex waits for the model's stream to send something before failing the turn. */
  streamIdleTimeoutMs?: number;
  /**
   * The task's model forwarder (sandboxed tasks): codex sends its requests there, without a key;
   * the server adds it on the way out.
   */
  forwardedBaseUrl?: string;
  /** Let the agent's commands use the network (the sandbox's egress proxy decides what they reach). */
  commandNetwork?: boolean;
}

export function buildCodexConfig(opts: CodexConfigOptions): CodexConfig {
  const { id, table, env: keyEnv } = providerTable(opts.provider);
  let env = keyEnv;
  if (opts.streamIdleTimeoutMs !== undefined) table.stream_idle_timeout_ms = opts.streamIdleTimeoutMs;
  if (opts.forwardedBaseUrl) {
    Object.assign(table, { base_url: opts.forwardedBaseUrl, supports_websockets: false });
    delete table.env_key;
    env = {};
  }
  const model = opts.provider.model ?? (opts.provider.provider === "demo" ? "demo" : undefined);
  const base: TomlTable = { ...(model ? { model } : {}), model_provider: id, model_providers: { [id]: table } };
  const extra = opts.extraToml?.trim() ? parseExtra(opts.extraToml) : {};
  // The environment's own codexConfig may say otherwise: the sandbox's network is what binds.
  const sandboxTable = isTable(extra.sandbox_workspace_write) ? extra.sandbox_workspace_write : {};
  if (opts.commandNetwork && sandboxTable.network_access === undefined) base.sandbox_workspace_write = { network_access: true };
  return { toml: stringify(merge(base, extra)), env };
}
