import pg from "pg";
import { countRows, environmentFor, expect, runDatabaseUrl, signUp, signUpAdmin, test, tokenFor } from "../fixtures";
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

test("network, variables and secrets: defaults, round trip, secrets returned by name only", async ({ request }) => {
  const user = await signUpAdmin(request, "envvars");
  const { id, headers } = await environmentFor(request, user);
  const fresh = await (await request.get(`/api/environments/${id}`, { headers })).json();
  expect(fresh).toMatchObject({ internet: "setup", allowedDomains: [], variables: [], secrets: [] });

  const patched = await request.patch(`/api/environments/${id}`, {
    headers,
    data: {
      internet: "on",
      allowedDomains: ["Registry.NPMJS.org", "*.pypi.org", "registry.npmjs.org"],
      variables: [{ name: "NODE_ENV", value: "test" }, { name: "EMPTY", value: "" }],
      secrets: [{ name: "NPM_TOKEN", value: "npm-secret-value-1" }, { name: "DEPLOY_KEY", value: "deploy-secret-value-2" }],
    },
  });
  expect(patched.status(), await patched.text()).toBe(200);
  const expected = {
    internet: "on",
    allowedDomains: ["registry.npmjs.org", "*.pypi.org"],
    variables: [{ name: "NODE_ENV", value: "test" }, { name: "EMPTY", value: "" }],
    secrets: [{ name: "NPM_TOKEN" }, { name: "DEPLOY_KEY" }],
  };
  expect(await patched.json()).toMatchObject(expected);
  const read = await request.get(`/api/environments/${id}`, { headers });
  expect(await read.json()).toMatchObject(expected);
  const listed = await (await request.get("/api/environments", { headers })).json();
  expect(listed.items.find((e: { id: string }) => e.id === id)).toMatchObject(expected);
  for (const text of [await patched.text(), await read.text(), JSON.stringify(listed)]) {
    expect(text).not.toContain("secret-value");
    expect(text).not.toContain("sealed");
  }
  // Stored sealed: the plain value is nowhere in the row.
  expect(await countRows("Environment", `id = $1 AND secrets::text LIKE '%secret-value%'`, [id])).toBe(0);
  expect(await countRows("Environment", `id = $1 AND jsonb_array_length(secrets) = 2`, [id])).toBe(1);

  const created = await request.post("/api/environments", {
    headers,
    data: { label: "Off", repo: makeRepo(), internet: "off", variables: [{ name: "A", value: "1" }], secrets: [{ name: "B", value: "created-secret-value" }] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const createdText = await created.text();
  expect(JSON.parse(createdText)).toMatchObject({ internet: "off", variables: [{ name: "A", value: "1" }], secrets: [{ name: "B" }] });
  expect(createdText).not.toContain("created-secret-value");
});

test("PATCH secrets replaces the set: {name} keeps the value, a value sets it, a name left out is deleted", async ({ request }) => {
  const user = await signUpAdmin(request, "envsecrets");
  const { id, headers } = await environmentFor(request, user, { secrets: [{ name: "KEEP", value: "keep-1" }, { name: "CHANGE", value: "change-1" }, { name: "DROP", value: "drop-1" }] });
  const sealed = async () => {
    const client = new pg.Client({ connectionString: runDatabaseUrl() });
    await client.connect();
    try {
      const rows = (await client.query<{ s: { name: string; sealed: string }[] }>(`SELECT secrets AS s FROM "Environment" WHERE id = $1`, [id])).rows;
      return Object.fromEntries(rows[0]!.s.map((s) => [s.name, s.sealed]));
    } finally {
      await client.end();
    }
  };
  const before = await sealed();

  const res = await request.patch(`/api/environments/${id}`, { headers, data: { secrets: [{ name: "KEEP" }, { name: "CHANGE", value: "change-2" }, { name: "ADD", value: "add-1" }] } });
  expect(res.status(), await res.text()).toBe(200);
  expect((await res.json()).secrets).toEqual([{ name: "KEEP" }, { name: "CHANGE" }, { name: "ADD" }]);
  const after = await sealed();
  expect(Object.keys(after)).toEqual(["KEEP", "CHANGE", "ADD"]);
  expect(after.KEEP).toBe(before.KEEP);
  expect(after.CHANGE).not.toBe(before.CHANGE);

  // A patch without secrets leaves them alone; keeping one that was never stored is a 400 that changes nothing.
  expect((await request.patch(`/api/environments/${id}`, { headers, data: { label: "Still" } })).status()).toBe(200);
  expect(await sealed()).toEqual(after);
  const missing = await request.patch(`/api/environments/${id}`, { headers, data: { label: "Changed", secrets: [{ name: "KEEP" }, { name: "DROP" }] } });
  expect(missing.status()).toBe(400);
  expect((await missing.json()).error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: ["secrets", 1, "value"] }] });
  expect(await sealed()).toEqual(after);
  expect((await (await request.get(`/api/environments/${id}`, { headers })).json()).label).toBe("Still");

  const cleared = await request.patch(`/api/environments/${id}`, { headers, data: { secrets: [] } });
  expect((await cleared.json()).secrets).toEqual([]);
});

test("invalid, reserved and duplicate names, bad domains and oversized values are refused with 400 and change nothing", async ({ request }) => {
  const user = await signUpAdmin(request, "envnames");
  const { id, headers } = await environmentFor(request, user, { variables: [{ name: "TAKEN", value: "v" }], secrets: [{ name: "SECRET", value: "s" }] });
  const snapshot = async () => JSON.stringify(await (await request.get(`/api/environments/${id}`, { headers })).json());
  const before = await snapshot();
  const cases: [unknown, (string | number)[]][] = [
    [{ variables: [{ name: "1ABC", value: "x" }] }, ["variables", 0, "name"]],
    [{ variables: [{ name: "has space", value: "x" }] }, ["variables", 0, "name"]],
    [{ variables: [{ name: "PATH", value: "x" }] }, ["variables", 0, "name"]],
    [{ variables: [{ name: "OK", value: "x" }, { name: "LD_PRELOAD", value: "x" }] }, ["variables", 1, "name"]],
    [{ secrets: [{ name: "https_proxy", value: "x" }] }, ["secrets", 0, "name"]],
    [{ secrets: [{ name: "CODEX_HOME", value: "x" }] }, ["secrets", 0, "name"]],
    [{ variables: [{ name: "GIT_DIR", value: "x" }] }, ["variables", 0, "name"]],
    [{ variables: [{ name: "A", value: "x" }, { name: "A", value: "y" }] }, ["variables", 1, "name"]],
    [{ variables: [{ name: "B", value: "x" }], secrets: [{ name: "B", value: "y" }] }, ["secrets", 0, "name"]],
    // Against what is stored: a new variable named like the stored secret, and the other way round.
    [{ variables: [{ name: "SECRET", value: "x" }] }, ["variables", 0, "name"]],
    [{ secrets: [{ name: "SECRET" }, { name: "TAKEN", value: "x" }] }, ["secrets", 1, "name"]],
    [{ variables: [{ name: "BIG", value: "x".repeat(32 * 1024 + 1) }] }, ["variables", 0, "value"]],
    [{ variables: Array.from({ length: 101 }, (_, i) => ({ name: `V${i}`, value: "" })) }, ["variables"]],
    [{ secrets: [{ name: "EMPTY", value: "" }] }, ["secrets", 0, "value"]],
    [{ internet: "sometimes" }, ["internet"]],
    [{ allowedDomains: ["not a domain"] }, ["allowedDomains", 0]],
    [{ allowedDomains: ["ok.example", "http://x.example/"] }, ["allowedDomains", 1]],
  ];
  for (const [data, path] of cases) {
    const res = await request.patch(`/api/environments/${id}`, { headers, data: { label: "Changed", ...(data as object) } });
    const text = JSON.stringify(data).slice(0, 120);
    expect(res.status(), text).toBe(400);
    const { error } = await res.json();
    expect(error.code, text).toBe("VALIDATION_FAILED");
    expect(error.details.map((d: { path: unknown }) => d.path), text).toContainEqual(path);
  }
  expect(await snapshot()).toBe(before);
  const mine = () => countRows("Environment", `"ownerId" = (SELECT id FROM "User" WHERE email = $1)`, [user.email]);
  const owned = await mine();
  expect((await request.post("/api/environments", { headers, data: { label: "x", repo: makeRepo(), secrets: [{ name: "NOVALUE" }] } })).status()).toBe(400);
  expect((await request.post("/api/environments", { headers, data: { label: "x", repo: makeRepo(), variables: [{ name: "HOME", value: "/" }] } })).status()).toBe(400);
  expect(await mine()).toBe(owned);
});
