import { type APIRequestContext } from "@playwright/test";
import { expect, signUpAdmin, test, tokenFor } from "../fixtures";
import { gitIn, makeRepo } from "../fixtures/repo";
import { createTask, driveToEnd } from "../fixtures/task-api";

async function asUser(request: APIRequestContext, tag: string) {
  const token = await tokenFor(request, await signUpAdmin(request, tag));
  return { authorization: `Bearer ${token}` };
}

async function createEnvironment(request: APIRequestContext, headers: Record<string, string>, repo: string) {
  const res = await request.post("/api/environments", { headers, data: { label: "Demo repo", repo } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; defaultBranch: string };
}

test("an edit task: approval, ready, diff, preflight, apply as a branch, patch download", async ({ request }) => {
  const headers = await asUser(request, "flow");
  const repo = makeRepo();
  const environment = await createEnvironment(request, headers, repo);
  expect(environment.defaultBranch).toBe("main");

  const created = await request.post("/api/tasks", {
    headers,
    data: { environmentId: environment.id, prompt: "/scenario edit\nAdd a greeting" },
  });
  expect(created.status()).toBe(201);
  const task = await created.json();
  expect(task).toMatchObject({ title: "Add a greeting", status: "queued", attemptsTotal: 1, branch: "main" });

  const pending = async () => (await (await request.get("/api/approvals?status=pending", { headers })).json()).items;
  await expect.poll(async () => (await pending()).length, { timeout: 30_000 }).toBe(1);
  const [approval] = await pending();
  expect(approval).toMatchObject({ taskId: task.id, kind: "fileChange", status: "pending" });
  expect(approval.changes[0].diff).toContain("Add a greeting");
  const detail = await (await request.get(`/api/tasks/${task.id}`, { headers })).json();
  expect(detail.status).toBe("awaiting_approval");
  expect(detail.pendingApprovals.map((a: { id: string }) => a.id)).toEqual([approval.id]);

  const decided = await request.post(`/api/approvals/${approval.id}`, { headers, data: { decision: "accept" } });
  expect(decided.status()).toBe(200);
  expect(await decided.json()).toMatchObject({ status: "accepted", decidedBy: "user" });
  const again = await request.post(`/api/approvals/${approval.id}`, { headers, data: { decision: "decline" } });
  expect(again.status()).toBe(409);

  await expect
    .poll(async () => (await (await request.get(`/api/tasks/${task.id}`, { headers })).json()).status, { timeout: 30_000 })
    .toBe("ready");
  const ready = await (await request.get(`/api/tasks/${task.id}`, { headers })).json();
  expect(ready.diffStats).toEqual({ filesChanged: 1, linesAdded: 1, linesRemoved: 0 });
  expect(ready.turns).toMatchObject([{ attempt: 0, status: "completed" }]);

  const diff = await request.get(`/api/tasks/${task.id}/diff`, { headers });
  expect(diff.headers()["content-type"]).toContain("text/x-diff");
  expect(await diff.text()).toContain("+++ b/CODEX_DEMO.md");
  const json = await (await request.get(`/api/tasks/${task.id}/diff?format=json`, { headers })).json();
  expect(json.files).toMatchObject([{ path: "CODEX_DEMO.md", status: "added", additions: 1, deletions: 0 }]);

  const events = await (await request.get(`/api/tasks/${task.id}/events?after=0&limit=5000`, { headers })).json();
  expect(events.items.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: events.lastSeq }, (_, i) => i + 1));
  const types = events.items.map((e: { type: string }) => e.type);
  expect(types).toEqual(expect.arrayContaining(["turn/started", "approval/requested", "approval/resolved", "turn/completed", "diff/updated"]));

  const preflight = await request.post(`/api/tasks/${task.id}/apply`, { headers, data: { preflight: true } });
  expect(await preflight.json()).toMatchObject({ status: "success", applied: false, conflictPaths: [] });
  expect(gitIn(repo, "branch", "--list")).not.toContain("codex/");

  const applied = await request.post(`/api/tasks/${task.id}/apply`, { headers, data: {} });
  const result = await applied.json();
  expect(result).toMatchObject({ status: "success", applied: true, branch: `codex/${task.id.slice(-8)}` });
  expect(gitIn(repo, "rev-parse", `refs/heads/${result.branch}`).trim()).toBe(result.commit);
  expect(gitIn(repo, "show", `${result.branch}:CODEX_DEMO.md`)).toContain("Add a greeting");
  expect(gitIn(repo, "status", "--porcelain")).toBe("");
  expect((await request.post(`/api/tasks/${task.id}/apply`, { headers, data: {} })).status()).toBe(409);
  expect((await (await request.get(`/api/tasks/${task.id}`, { headers })).json()).status).toBe("applied");

  const patch = await request.get(`/api/tasks/${task.id}/patch`, { headers });
  expect(patch.headers()["content-disposition"]).toContain("attachment");
  expect(await patch.text()).toBe(await (await request.get(`/api/tasks/${task.id}/diff`, { headers })).text());

  const audit = await (await request.get(`/api/audit?taskId=${task.id}`, { headers })).json();
  expect(audit.items.map((e: { action: string }) => e.action)).toEqual(["task.apply", "approval.decide", "task.create"]);
});

test("a failing model ends the task in error with the reason in the log", async ({ request }) => {
  const headers = await asUser(request, "fail");
  const environment = await createEnvironment(request, headers, makeRepo());
  const task = await (
    await request.post("/api/tasks", { headers, data: { environmentId: environment.id, prompt: "/scenario fail\nAnything" } })
  ).json();
  await expect
    .poll(async () => (await (await request.get(`/api/tasks/${task.id}`, { headers })).json()).status, { timeout: 60_000 })
    .toBe("error");
  const events = await (await request.get(`/api/tasks/${task.id}/events`, { headers })).json();
  const errors = events.items.filter((e: { type: string }) => e.type === "error");
  expect(errors.length).toBeGreaterThan(0);
});

test("task inputs are validated and nothing is created", async ({ request }) => {
  const headers = await asUser(request, "badtask");
  const environment = await createEnvironment(request, headers, makeRepo());
  const bad = [
    {},
    { environmentId: environment.id },
    { environmentId: environment.id, prompt: "x", attempts: 5 },
    { environmentId: environment.id, prompt: "x", mode: "write" },
    { environmentId: environment.id, prompt: "x", branch: "--upload-pack=evil" },
    { environmentId: environment.id, prompt: "x", branch: "no-such-branch" },
    { environmentId: environment.id, prompt: "x", extra: 1 },
  ];
  for (const data of bad) {
    const res = await request.post("/api/tasks", { headers, data });
    expect(res.status(), JSON.stringify(data)).toBe(400);
    expect((await res.json()).error.code).toBe("VALIDATION_FAILED");
  }
  expect((await (await request.get("/api/tasks", { headers })).json()).items).toEqual([]);
  const missing = await request.post("/api/tasks", { headers, data: { environmentId: "nope", prompt: "x" } });
  expect(missing.status()).toBe(404);
});

test("a file the agent names é.txt is listed by its name and applies cleanly (git quotes such paths in a diff)", async ({ request }) => {
  const headers = await asUser(request, "quoted");
  const repo = makeRepo();
  const res = await request.post("/api/environments", { headers, data: { label: "Quoted", repo, approvalPolicy: "never" } });
  expect(res.status(), await res.text()).toBe(201);
  const taskId = await createTask(request, headers, (await res.json()).id, "/scenario run\nprintf 'hi\\n' > é.txt && printf 'x\\n' > 'a b.txt'");
  expect(await driveToEnd(request, headers, taskId)).toBe("ready");

  const json = await (await request.get(`/api/tasks/${taskId}/diff?format=json`, { headers })).json();
  expect(json.files.map((f: { path: string; status: string }) => [f.path, f.status]).sort()).toEqual([["a b.txt", "added"], ["é.txt", "added"]]);
  const preflight = await (await request.post(`/api/tasks/${taskId}/apply`, { headers, data: { preflight: true } })).json();
  expect(preflight).toMatchObject({ status: "success", conflictPaths: [], skippedPaths: [] });
  const result = await (await request.post(`/api/tasks/${taskId}/apply`, { headers, data: {} })).json();
  expect(result).toMatchObject({ status: "success", applied: true });
  expect(gitIn(repo, "show", `${result.branch}:é.txt`)).toBe("hi\n");
});
