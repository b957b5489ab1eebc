import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { isReservedName } from "./environment-env";
import { ZCreateEnvironmentRequest, ZPatchEnvironmentRequest } from "./environments";

const base = { label: "x", repo: "/srv/repo" };
const issuePaths = (body: unknown, schema: z.ZodType = ZCreateEnvironmentRequest) => (schema.safeParse(body).error?.issues ?? []).map((i) => i.path.join("."));

describe("environment variables, secrets and network", () => {
  it("reserves the sandbox's own names, the proxy variables in any case, and nothing near them", () => {
    for (const name of ["PATH", "HOME", "LC_ALL", "CODEX_HOME", "GIT_DIR", "BWRAP_X", "LD_PRELOAD", "http_proxy", "No_Proxy", "OPENAI_API_KEY", "TERM", "TMPDIR"]) {
      expect(isReservedName(name), name).toBe(true);
    }
    for (const name of ["PATHS", "path", "MY_HOME", "NODE_ENV", "GITHUB_TOKEN", "_X", "LCX"]) expect(isReservedName(name), name).toBe(false);
  });

  it("accepts good entries and lowercases domains", () => {
    const parsed = ZCreateEnvironmentRequest.parse({
      ...base,
      internet: "on",
      allowedDomains: [" *.Example.COM ", "registry.npmjs.org", "10.0.0.1"],
      variables: [{ name: "NODE_ENV", value: "" }, { name: "_a1", value: "ünïcode 😀" }],
      secrets: [{ name: "NPM_TOKEN", value: "t" }],
    });
    expect(parsed.allowedDomains).toEqual(["*.example.com", "registry.npmjs.org", "10.0.0.1"]);
  });

  it("points every refusal at its field", () => {
    expect(issuePaths({ ...base, variables: [{ name: "1X", value: "" }, { name: "PATH", value: "" }, { name: "A-B", value: "" }] })).toEqual(["variables.0.name", "variables.1.name", "variables.2.name"]);
    expect(issuePaths({ ...base, variables: [{ name: "A", value: "x".repeat(32 * 1024 + 1) }, { name: "B", value: "\ud800" }] })).toEqual(["variables.0.value", "variables.1.value"]);
    expect(issuePaths({ ...base, variables: [{ name: "A", value: "1" }], secrets: [{ name: "A", value: "2" }] })).toEqual(["secrets.0.name"]);
    expect(issuePaths({ ...base, secrets: [{ name: "S" }] })).toEqual(["secrets.0.value"]);
    expect(issuePaths({ ...base, allowedDomains: ["a..b", "-x.com", "x.com.", "http://x.com", "a.*.com", "[::1]"] })).toHaveLength(6);
    expect(issuePaths({ ...base, internet: "maybe" })).toEqual(["internet"]);
    expect(issuePaths({ ...base, variables: Array.from({ length: 101 }, (_, i) => ({ name: `V${i}`, value: "" })) })).toEqual(["variables"]);
    expect(issuePaths({ ...base, allowedDomains: Array.from({ length: 201 }, (_, i) => `h${i}.com`) })).toEqual(["allowedDomains"]);
  });

  it("lets a patch keep a secret by name but not set an empty one", () => {
    expect(issuePaths({ secrets: [{ name: "S" }, { name: "T", value: "v" }] }, ZPatchEnvironmentRequest)).toEqual([]);
    expect(issuePaths({ secrets: [{ name: "S", value: "" }] }, ZPatchEnvironmentRequest)).toEqual(["secrets.0.value"]);
    expect(issuePaths({ secrets: [{ name: "S" }, { name: "S" }] }, ZPatchEnvironmentRequest)).toEqual(["secrets.1.name"]);
  });
});
