import { mkdirSync } from "node:fs";
import { environmentFor, expect, signUp, test } from "../fixtures";
import { gitIn, makeRepo } from "../fixtures/repo";

// A local environment whose repository has an origin: an applied task's branch is pushed there
// by the server's own git.

function withOrigin(): { repo: string; origin: string } {
  const repo = makeRepo();
  const origin = `${repo}-origin.git`;
  mkdirSync(origin);
  gitIn(origin, "init", "--quiet", "--bare");
  gitIn(repo, "remote", "add", "origin", origin);
  return { repo, origin };
}

async function readyTask(request: Parameters<typeof environmentFor>[0], repo: string) {
  const environment = await environmentFor(request, await signUp(request, "push"), { repo, approvalPolicy: "never" });
  const { headers } = environment;
  const task = await (await request.post("/api/tasks", { headers, data: { environmentId: environment.id, prompt: "/scenario edit\nPush me" } })).json();
  await expect.poll(async () => (await (await request.get(`/api/tasks/${task.id}`, { headers })).json()).status, { timeout: 60_000 }).toBe("ready");
  return { id: task.id as string, headers };
}

test("Apply tells the repository's origin; POST /push puts the applied branch there; before Apply, or with no origin, 409 and nothing pushed", async ({ request }) => {
  test.setTimeout(120_000);
  const { repo, origin } = withOrigin();
  const { id, headers } = await readyTask(request, repo);
  const early = await request.post(`/api/tasks/${id}/push`, { headers });
  expect(early.status()).toBe(409);
  expect((await early.json()).error.message).toContain("Apply the task first");

  const applied = await (await request.post(`/api/tasks/${id}/apply`, { headers, data: { attempt: 0 } })).json();
  expect(applied).toMatchObject({ applied: true, origin });
  const pushed = await request.post(`/api/tasks/${id}/push`, { headers });
  expect(pushed.status(), await pushed.text()).toBe(200);
  expect(await pushed.json()).toEqual({ branch: applied.branch, commit: applied.commit, remote: origin });
  expect(gitIn(origin, "rev-parse", `refs/heads/${applied.branch}`).trim()).toBe(applied.commit);

  const plain = await readyTask(request, makeRepo());
  const result = await (await request.post(`/api/tasks/${plain.id}/apply`, { headers: plain.headers, data: { attempt: 0 } })).json();
  expect(result.applied).toBe(true);
  expect(result.origin).toBeUndefined();
  const none = await request.post(`/api/tasks/${plain.id}/push`, { headers: plain.headers });
  expect(none.status()).toBe(409);
  expect((await none.json()).error.message).toContain("has no origin remote");
});
