import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { buildCodexConfig, CodexConfigError } from "./codex-config";

const demo = { provider: "demo", baseUrl: "http://127.0.0.1:4100/v1" } as const;

describe("buildCodexConfig", () => {
  it("writes the demo provider exactly as ARCHITECTURE.md describes", () => {
    const { toml, env } = buildCodexConfig({ provider: demo });
    expect(parse(toml)).toEqual({
      model: "demo",
      model_provider: "demo",
      model_providers: {
        demo: { name: "demo", base_url: demo.baseUrl, wire_api: "responses", request_max_retries: 0, stream_max_retries: 0, supports_websockets: false },
      },
    });
    expect(env).toEqual({});
  });

  it("keeps API keys out of the file and hands them over as variables", () => {
    const openai = buildCodexConfig({ provider: { provider: "openai", apiKey: "sk-secret", model: "gpt-5" } });
    expect(openai.toml).not.toContain("sk-secret");
    expect(parse(openai.toml)).toMatchObject({ model: "gpt-5", model_provider: "openai-api", model_providers: { "openai-api": { env_key: "OPENAI_API_KEY", base_url: "https://api.openai.com/v1" } } });
    expect(openai.env).toEqual({ OPENAI_API_KEY: "sk-secret" });

    const custom = buildCodexConfig({ provider: { provider: "custom", baseUrl: "http://llm:8000/v1", model: "m", apiKey: "k" } });
    expect(custom.toml).not.toContain('"k"');
    expect(parse(custom.toml)).toMatchObject({ model_providers: { custom: { base_url: "http://llm:8000/v1", env_key: "CODEX_CUSTOM_API_KEY" } } });
    expect(custom.env).toEqual({ CODEX_CUSTOM_API_KEY: "k" });
    expect(buildCodexConfig({ provider: { provider: "custom", baseUrl: "http://llm/v1" } }).toml).not.toContain("env_key");
  });

  it("sets the provider's stream idle timeout when one is given", () => {
    const { toml } = buildCodexConfig({ provider: demo, streamIdleTimeoutMs: 2500 });
    expect(parse(toml)).toMatchObject({ model_providers: { demo: { stream_idle_timeout_ms: 2500 } } });
  });

  it("merges the environment's extra TOML as top-level tables", () => {
    const extra = 'model_reasoning_effort = "high"\n[mcp_servers.docs]\ncommand = "docs-mcp"\nargs = ["--stdio"]\n';
    expect(parse(buildCodexConfig({ provider: demo, extraToml: extra }).toml)).toMatchObject({
      model_reasoning_effort: "high",
      mcp_servers: { docs: { command: "docs-mcp", args: ["--stdio"] } },
      model_providers: { demo: { base_url: demo.baseUrl } },
    });
  });

  it("rejects invalid TOML with its position", () => {
    expect(() => buildCodexConfig({ provider: demo, extraToml: "[mcp_servers.x]\ncommand = \n" })).toThrow(CodexConfigError);
    expect(() => buildCodexConfig({ provider: demo, extraToml: "[mcp_servers.x]\ncommand = \n" })).toThrow(/^Invalid TOML at line 2, column \d+/);
  });

  it("rejects extra TOML that overrides the model settings", () => {
    expect(() => buildCodexConfig({ provider: demo, extraToml: 'model_provider = "openai"' })).toThrow(/sets `model_provider`/);
    expect(() => buildCodexConfig({ provider: demo, extraToml: '[model_providers.demo]\nbase_url = "http://evil/v1"' })).toThrow(
      /sets `model_providers.demo.base_url`/,
    );
  });

  it("sandboxed: codex talks to the task's forwarder and gets no key, in the file or in its environment", () => {
    const config = buildCodexConfig({ provider: { provider: "openai", apiKey: "sk-secret" }, forwardedBaseUrl: "http://127.0.0.1:18080/v1" });
    expect(config.env).toEqual({});
    expect(config.toml).not.toContain("sk-secret");
    expect(config.toml).not.toContain("env_key");
    expect(config.toml).toContain('base_url = "http://127.0.0.1:18080/v1"');
  });

  it("lets commands use the network only when the environment lets the agent out, unless its own config says otherwise", () => {
    expect(buildCodexConfig({ provider: demo, commandNetwork: true }).toml).toMatch(/\[sandbox_workspace_write\]\nnetwork_access = true/);
    expect(buildCodexConfig({ provider: demo }).toml).not.toContain("network_access");
    expect(buildCodexConfig({ provider: demo, commandNetwork: true, extraToml: "[sandbox_workspace_write]\nnetwork_access = false" }).toml).toContain("network_access = false");
  });
});
