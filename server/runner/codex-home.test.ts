import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCodexConfig, writeCodexHome } from "./codex-home";

const demo = { provider: "demo", baseUrl: "http://127.0.0.1:9/v1" } as const;

describe("writeCodexHome", () => {
  it("writes config.toml and returns the variables the process needs", async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "codex-home-test-")), "task-1");
    const home = await writeCodexHome({ dir, provider: { provider: "openai", apiKey: "sk-x" } });
    expect(home).toEqual({ dir, env: { CODEX_HOME: dir, OPENAI_API_KEY: "sk-x" } });
    expect(await readFile(path.join(dir, "config.toml"), "utf8")).toContain('model_provider = "openai-api"');
    expect((await stat(path.join(dir, "config.toml"))).mode & 0o777).toBe(0o600);
    await rm(path.dirname(dir), { recursive: true });
  });

  it("rejects invalid extra TOML before writing anything", async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "codex-home-test-")), "task-2");
    await expect(writeCodexHome({ dir, provider: demo, extraToml: "[[[" })).rejects.toThrow(/Invalid TOML at line 1/);
    await expect(stat(dir)).rejects.toThrow(/ENOENT/);
    await rm(path.dirname(dir), { recursive: true });
  });
});

describe("checkCodexConfig (real codex)", () => {
  it("accepts a config codex can load, with its warnings about unknown keys", async () => {
    const check = await checkCodexConfig({ provider: demo, extraToml: '[mcp_servers.docs]\ncommand = "docs-mcp"\n\n[not_a_codex_section]\nx = 1\n' });
    expect(check).toEqual({ ok: true, warnings: [expect.stringContaining("`not_a_codex_section` is ignored")] });
  });

  it("reports why codex cannot load a config", async () => {
    const check = await checkCodexConfig({ provider: demo, extraToml: "[mcp_servers.docs]\ncommand = 5\n" });
    expect(check.ok).toBe(false);
    expect(check).toMatchObject({ error: expect.stringMatching(/invalid type: integer `5`, expected a string[\s\S]*mcp_servers\.docs\.command/) });
  });

  it("reports invalid TOML without starting codex", async () => {
    expect(await checkCodexConfig({ provider: demo, extraToml: "x = " })).toEqual({ ok: false, error: expect.stringMatching(/^Invalid TOML/), warnings: [] });
  });
});
