import { adminHeaders, countRows, expect, signUp, test, tokenFor } from "../fixtures";
import { type GitHost, startGitHost } from "../fixtures/git-host";

// Pull requests through the API on a remote environment: real git over smart HTTP and a GitHub
// test double (server/test/forge-doubles) for the outside service.

let host: GitHost;
test.beforeAll(async () => {
  host = await startGitHost({ token: "ghp-e2e-api-pr-0c1d2e3f4a", repo: "acme/api-widgets" });
});
test.afterAll(async () => host?.close());

async function remoteTask(request: Parameters<typeof adminHeaders>[0], prompt: string) {
  const env = await request.post("/api/environments", {
    headers: await adminHeaders(request),
    data: { label: `PR ${Date.now()}`, repo: host.repoUrl, credential: { token: host.token }, forge: { kind: "github", apiUrl: host.forge.apiUrl }, approvalPolicy: "never" },
  });
  expect(env.status(), await env.text()).toBe(201);
  const user = await signUp(request, "pr-api");
  const headers = { authorization: `Bearer ${await tokenFor(request, user)}` };
  const task = await request.post("/api/tasks", { headers, data: { environmentId: (await env.json()).id, prompt } });
  expect(task.status(), await task.text()).toBe(201);
  const id = (await task.json()).id as string;
  await expect.poll(async () => (await (await request.get(`/api/tasks/${id}`, { headers })).json()).status, { timeout: 60_000 }).toBe("ready");
  return { id, headers, user };
}

test("POST opens the pull request (201), the task shows it, GET reads its state; another user gets 404; a second POST with nothing new answers 200 with the same commit", async ({ request }) => {
  test.setTimeout(120_000);
  const { id, headers } = await remoteTask(request, "/scenario edit\nAdd a greeting");
  const detail = await (await request.get(`/api/tasks/${id}`, { headers })).json();
  expect(detail.delivery).toBe("pullRequest");
  expect((await request.get(`/api/tasks/${id}/pull-request`, { headers })).status()).toBe(404);

  const created = await request.post(`/api/tasks/${id}/pull-request`, { headers, data: { draft: false } });
  expect(created.status(), await created.text()).toBe(201);
  const pr = await created.json();
  expect(pr).toMatchObject({ number: expect.any(Number), state: "open", draft: false, attempt: 0, url: expect.stringContaining(host.forge.webUrl) });
  expect(host.run("rev-parse", `refs/heads/${pr.branch}`)).toBe(pr.commit);
  expect(host.run("show", `${pr.commit}:CODEX_DEMO.md`)).toContain("Add a greeting");
  expect((await (await request.get(`/api/tasks/${id}`, { headers })).json()).pullRequest).toEqual({ url: pr.url, number: pr.number, state: "open" });
  expect(await (await request.get(`/api/tasks/${id}/pull-request`, { headers })).json()).toEqual(pr);

  const other = { authorization: `Bearer ${await tokenFor(request, await signUp(request, "pr-other"))}` };
  expect((await request.get(`/api/tasks/${id}/pull-request`, { headers: other })).status()).toBe(404);
  expect((await request.post(`/api/tasks/${id}/pull-request`, { headers: other, data: {} })).status()).toBe(404);

  const again = await request.post(`/api/tasks/${id}/pull-request`, { headers, data: {} });
  expect(again.status()).toBe(200);
  expect(await again.json()).toEqual(pr);
  const audit = await (await request.get(`/api/audit?taskId=${id}`, { headers })).json();
  expect(audit.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["pull_request.push", "pull_request.create"]));
});

test("a token the host's API refuses and bad bodies change nothing: the pushed branch is taken back, no row", async ({ request }) => {
  test.setTimeout(120_000);
  const { id, headers } = await remoteTask(request, "/scenario edit\nNot today");
  const rows = () => countRows("PullRequest", `"taskId" = $1`, [id]);
  const token = host.forge.state.token;
  host.forge.state.token = "rotated-on-the-host";
  try {
    const refused = await request.post(`/api/tasks/${id}/pull-request`, { headers, data: { branchName: "codex/wrong-token" } });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.message).toMatch(/GitHub refused the environment's token/i);
  } finally {
    host.forge.state.token = token;
  }
  expect(() => host.run("rev-parse", "--verify", "--quiet", "refs/heads/codex/wrong-token")).toThrow();
  for (const data of [{ attempt: 9 }, { draft: "yes" }, { branchName: "-x" }, { extra: 1 }]) {
    const res = await request.post(`/api/tasks/${id}/pull-request`, { headers, data });
    expect(res.status(), JSON.stringify(data)).toBe(400);
  }
  expect(await rows()).toBe(0);
});
