import { countRows, expect, signUp, signUpAdmin, test, tokenFor } from "../fixtures";
import { makeRepo } from "../fixtures/repo";

test("environments: create (branch detected), list, read, patch, delete; secrets are write-only", async ({ request }) => {
  const headers = { authorization: `Bearer ${await tokenFor(request, await signUpAdmin(request, "env"))}` };
  const repo = makeRepo();
  const created = await request.post("/api/environments", {
    headers,
    data: {
      label: "Web app",
      repo,
      setupScript: "echo ready",
      model: { provider: "custom", baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-secret-value" },
      autoApprove: { readOnlyCommands: true, commandPrefixes: ["npm test"] },
      approvalTimeoutSec: 60,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const env = await created.json();
  expect(env).toMatchObject({
    label: "Web app",
    repo,
    defaultBranch: "main",
    approvalPolicy: "untrusted",
    sandbox: "workspace-write",
    model: { provider: "custom", baseUrl: "http://127.0.0.1:9/v1", hasApiKey: true },
    autoApprove: { readOnlyCommands: true, commandPrefixes: ["npm test"] },
    approvalTimeoutSec: 60,
  });
  expect(JSON.stringify(env)).not.toContain("sk-secret-value");

  // Shared by every user: the list holds other tests' environments too, newest first.
  const list = await (await request.get("/api/environments", { headers })).json();
  expect(list.items.map((e: { id: string }) => e.id)).toContain(env.id);

  const patched = await request.patch(`/api/environments/${env.id}`, { headers, data: { label: "Renamed", sandbox: "read-only" } });
  expect(await patched.json()).toMatchObject({ label: "Renamed", sandbox: "read-only", model: { hasApiKey: true } });
  expect(JSON.stringify(await (await request.get(`/api/environments/${env.id}`, { headers })).json())).not.toContain("sk-secret");

  expect((await request.delete(`/api/environments/${env.id}`, { headers })).status()).toBe(204);
  expect((await request.get(`/api/environments/${env.id}`, { headers })).status()).toBe(404);
});

test("repository paths that are not git repositories, relative or traversing are refused with 400", async ({ request }) => {
  const user = await signUpAdmin(request, "envbad");
  const headers = { authorization: `Bearer ${await tokenFor(request, user)}` };
  const repo = makeRepo();
  const mine = () => countRows("Environment", `"ownerId" = (SELECT id FROM "User" WHERE email = $1)`, [user.email]);
  for (const bad of ["relative/path", `${repo}/../${repo.split("/").pop()}`, "/definitely/not/here", "/proc", `${repo}//x`]) {
    const res = await request.post("/api/environments", { headers, data: { label: "x", repo: bad } });
    expect(res.status(), bad).toBe(400);
    expect((await res.json()).error.code).toBe("VALIDATION_FAILED");
  }
  for (const data of [{ label: "x", repo, defaultBranch: "-x" }, { label: "x", repo, model: { provider: "custom" } }, { label: "", repo }]) {
    expect((await request.post("/api/environments", { headers, data })).status(), JSON.stringify(data)).toBe(400);
  }
  expect(await mine()).toBe(0);
});

test("extra codex configuration is checked by codex itself: broken TOML is refused, MCP servers are accepted", async ({ request }) => {
  const headers = { authorization: `Bearer ${await tokenFor(request, await signUpAdmin(request, "envtoml"))}` };
  const repo = makeRepo();
  const broken = await request.post("/api/environments", { headers, data: { label: "x", repo, codexConfig: "[mcp_servers.docs\ncommand = " } });
  expect(broken.status()).toBe(400);
  expect((await broken.json()).error.message).toContain("Codex cannot load this configuration");
  const good = await request.post("/api/environments", {
    headers,
    data: { label: "x", repo, codexConfig: '[mcp_servers.docs]\ncommand = "echo"\nargs = ["hello"]\n' },
  });
  expect(good.status(), await good.text()).toBe(201);
  expect((await good.json()).codexConfig).toContain("mcp_servers.docs");
});

test("provider keys are write-only and sealed at rest", async ({ request }) => {
  const user = await signUp(request, "keys");
  const headers = { authorization: `Bearer ${await tokenFor(request, user)}` };
  const put = await request.put("/api/settings/provider-keys/openai", { headers, data: { apiKey: "sk-test-abcdefgh" } });
  expect(put.status()).toBe(200);
  expect(await put.json()).toMatchObject({ provider: "openai", hasKey: true });
  const list = await (await request.get("/api/settings/provider-keys", { headers })).json();
  expect(list.items).toMatchObject([{ provider: "openai", hasKey: true }, { provider: "custom", hasKey: false }]);
  expect(JSON.stringify(list)).not.toContain("sk-test");
  expect(await countRows("ProviderSecret", `value LIKE '%sk-test%'`)).toBe(0);
  expect((await request.put("/api/settings/provider-keys/demo", { headers, data: { apiKey: "sk-test-abcdefgh" } })).status()).toBe(400);
  expect((await request.delete("/api/settings/provider-keys/openai", { headers })).status()).toBe(204);
});
