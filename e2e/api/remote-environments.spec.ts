import { adminHeaders, countRows, expect, signUp, test, tokenFor } from "../fixtures";
import { startGitHttpServer, type TestGitServer } from "../../server/test/git-http-server";

// Remote environments against a real git host on loopback (git http-backend behind HTTPS and
// basic auth): saved only when git can read them, a task's workspace made from the mirror.

const TOKEN = "tok-e2e-remote-3c9f1a7b2d";
let host: TestGitServer;

test.beforeAll(async () => {
  host = await startGitHttpServer({ token: TOKEN });
  await host.addRepo("api-app", { trunk: { "README.md": "# remote app\n" }, "feature/login": { "login.txt": "todo\n" } });
});
test.afterAll(async () => host?.close());

test("a remote environment is saved with the right token (write-only) and refused with a wrong one, with git's reason and nothing saved", async ({ request }) => {
  const headers = await adminHeaders(request);
  const repo = host.repoUrl("api-app");
  const wrong = "tok-e2e-wrong-8d7c6b5a4f";
  const label = `Remote wrong ${Date.now()}`;
  const refused = await request.post("/api/environments", { headers, data: { label, repo, credential: { token: wrong } } });
  expect(refused.status()).toBe(400);
  const error = (await refused.json()).error;
  expect(error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: ["repo"] }] });
  expect(error.message).toMatch(/^git could not read https:\/\/127\.0\.0\.1:\d+\/api-app\.git: .*Authentication failed/);
  expect(JSON.stringify(error)).not.toContain(wrong);
  expect(await countRows("Environment", "label = $1", [label])).toBe(0);

  const inUrl = await request.post("/api/environments", { headers, data: { label, repo: repo.replace("https://", `https://x:${TOKEN}@`) } });
  expect(inUrl.status()).toBe(400);
  expect((await inUrl.json()).error.message).toMatch(/must not carry .* credential field/);

  const created = await request.post("/api/environments", { headers, data: { label: `Remote ${Date.now()}`, repo, credential: { token: TOKEN }, forge: { kind: "gitea", apiUrl: `${host.url}/api/v1` } } });
  const text = await created.text();
  expect(created.status(), text).toBe(201);
  expect(text).not.toContain(TOKEN);
  const env = JSON.parse(text);
  expect(env).toMatchObject({ repo, defaultBranch: "trunk", credential: { set: true, type: "token" }, forge: { kind: "gitea", apiUrl: `${host.url}/api/v1` } });
  const read = await request.get(`/api/environments/${env.id}`, { headers });
  expect(await read.text()).not.toContain(TOKEN);
  const cleared = await request.patch(`/api/environments/${env.id}`, { headers, data: { credential: null } });
  expect(cleared.status()).toBe(400);
  expect((await (await request.get(`/api/environments/${env.id}`, { headers })).json()).credential).toEqual({ set: true, type: "token" });
});

test("every user lists a remote environment's branches, and a member's task on it runs to ready from the mirror with no credential in its sandbox", async ({ request }) => {
  test.setTimeout(120_000);
  const created = await request.post("/api/environments", {
    headers: await adminHeaders(request),
    data: { label: `Remote task ${Date.now()}`, repo: host.repoUrl("api-app"), credential: { token: TOKEN }, approvalPolicy: "never" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const env = await created.json();
  const headers = { authorization: `Bearer ${await tokenFor(request, await signUp(request, "remote-member"))}` };
  const branches = await request.get(`/api/environments/${env.id}/branches`, { headers });
  expect(await branches.json()).toEqual({ items: [{ name: "feature/login", default: false }, { name: "trunk", default: true }] });

  const fetchesBefore = host.count("fetch", "api-app");
  const probe = "cat .git/config; git remote -v; env; ls login.txt";
  const res = await request.post("/api/tasks", { headers, data: { environmentId: env.id, branch: "feature/login", attempts: 2, prompt: `/scenario run\n${probe}` } });
  expect(res.status(), await res.text()).toBe(201);
  const task = await res.json();
  await expect.poll(async () => (await (await request.get(`/api/tasks/${task.id}`, { headers })).json()).status, { timeout: 90_000 }).toBe("ready");
  // Two attempts, one fetch of the mirror; the workspaces are local clones of it.
  expect(host.count("fetch", "api-app")).toBe(fetchesBefore + 1);
  const events = await (await request.get(`/api/tasks/${task.id}/events?limit=5000`, { headers })).json();
  const outputs: string[] = events.items
    .filter((e: any) => e.type === "item/completed" && e.data.item?.type === "commandExecution")
    .map((e: any) => String(e.data.item.aggregatedOutput ?? ""));
  expect(outputs).toHaveLength(2);
  for (const output of outputs) {
    expect(output).toContain(`url = ${host.repoUrl("api-app")}`);
    expect(output).toContain("login.txt");
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString("base64"));
  }
  expect(JSON.stringify(events)).not.toContain(TOKEN);
});
