import path from "node:path";
import { countRows, expect, signUpAdmin, test, tokenFor } from "../fixtures";
import { gitIn, makeRepo } from "../fixtures/repo";

const BAD_BRANCHES = ["../x", "/abs", "-x", "--upload-pack=touch pwned", "a..b", "x.lock", "has space", "ctl\u0001x", "x~1", "x:y", "@{-1}", "refs/heads/../x"];

test("repository paths and branch names that escape, read as options or break git are refused with 400 and write nothing", async ({ request }) => {
  test.setTimeout(180_000);
  const user = await signUpAdmin(request, "traversal");
  const headers = { authorization: `Bearer ${await tokenFor(request, user)}` };
  const repo = makeRepo();
  const mine = `"ownerId" = (SELECT id FROM "User" WHERE email = $1)`;
  const badRepos = ["../x", "relative/repo", `${repo}/../${path.basename(repo)}`, `${path.dirname(repo)}//${path.basename(repo)}`, "/definitely/not/here", "/etc", "-x", "--upload-pack=x"];
  for (const bad of badRepos) {
    const res = await request.post("/api/environments", { headers, data: { label: "x", repo: bad } });
    expect(res.status(), bad).toBe(400);
    expect((await res.json()).error.code, bad).toBe("VALIDATION_FAILED");
  }
  expect(await countRows("Environment", mine, [user.email])).toBe(0);

  const env = await (await request.post("/api/environments", { headers, data: { label: "ok", repo, approvalPolicy: "never" } })).json();
  for (const bad of badRepos) expect((await request.patch(`/api/environments/${env.id}`, { headers, data: { repo: bad } })).status(), bad).toBe(400);
  for (const bad of BAD_BRANCHES) {
    expect((await request.patch(`/api/environments/${env.id}`, { headers, data: { defaultBranch: bad } })).status(), bad).toBe(400);
    expect((await request.post("/api/environments", { headers, data: { label: "b", repo, defaultBranch: bad } })).status(), bad).toBe(400);
    expect((await request.post("/api/tasks", { headers, data: { environmentId: env.id, prompt: "p", branch: bad } })).status(), bad).toBe(400);
  }
  expect((await (await request.get(`/api/environments/${env.id}`, { headers })).json())).toMatchObject({ repo, defaultBranch: "main" });
  expect(await countRows("Environment", mine, [user.email])).toBe(1);
  expect(await countRows("Task", mine, [user.email])).toBe(0);

  const task = await (await request.post("/api/tasks", { headers, data: { environmentId: env.id, prompt: "/scenario edit\ntraversal" } })).json();
  await expect.poll(async () => (await (await request.get(`/api/tasks/${task.id}`, { headers })).json()).status, { timeout: 120_000 }).toBe("ready");
  const refsBefore = gitIn(repo, "for-each-ref");
  for (const bad of BAD_BRANCHES) {
    for (const preflight of [true, false]) {
      const res = await request.post(`/api/tasks/${task.id}/apply`, { headers, data: { branchName: bad, preflight } });
      expect(res.status(), bad).toBe(400);
      expect((await res.json()).error.code, bad).toBe("VALIDATION_FAILED");
    }
  }
  expect(gitIn(repo, "for-each-ref")).toBe(refsBefore);
  expect((await (await request.get(`/api/tasks/${task.id}`, { headers })).json()).status).toBe("ready");
});
