import { countRows, expect, signUpAdmin, test, tokenFor } from "../fixtures";
import { makeRepo } from "../fixtures/repo";

test("malformed JSON, wrong types, unknown fields and oversized bodies get 4xx with the error shape on every route", async ({ request }) => {
  const user = await signUpAdmin(request, "badinput");
  const headers = { authorization: `Bearer ${await tokenFor(request, user)}` };
  const env = await (await request.post("/api/environments", { headers, data: { label: "b", repo: makeRepo() } })).json();
  const task = await (await request.post("/api/tasks", { headers, data: { environmentId: env.id, prompt: "/scenario edit\nbad input" } })).json();
  await expect.poll(async () => (await (await request.get("/api/approvals?status=pending", { headers })).json()).items.length, { timeout: 30_000 }).toBe(1);
  const approval = (await (await request.get("/api/approvals?status=pending", { headers })).json()).items[0];
  const threadId = (await (await request.get(`/api/tasks/${task.id}`, { headers })).json()).attempts[0].threadId;

  const routes: Array<[string, string, Record<string, unknown>]> = [
    ["POST", "/api/users", { email: 1, password: 2 }],
    ["POST", "/api/tokens", { name: 7 }],
    ["POST", "/api/environments", { label: 5, repo: [] }],
    ["PATCH", `/api/environments/${env.id}`, { approvalPolicy: "sometimes" }],
    ["POST", "/api/tasks", { environmentId: env.id, prompt: 42 }],
    ["PATCH", `/api/tasks/${task.id}`, { archived: "yes" }],
    ["POST", `/api/tasks/${task.id}/messages`, { text: ["x"] }],
    ["POST", `/api/tasks/${task.id}/apply`, { attempt: "first" }],
    ["POST", `/api/threads/${threadId}/turns`, { text: null }],
    ["POST", `/api/approvals/${approval.id}`, { decision: "maybe" }],
    ["PUT", "/api/settings/provider-keys/openai", { apiKey: 1 }],
  ];
  // Rows of this user only: other workers write in parallel.
  const mine = `(SELECT id FROM "User" WHERE email = '${user.email}')`;
  const snapshot = async () =>
    Promise.all([
      countRows("ApiToken", `"userId" = ${mine}`),
      countRows("Environment", `"ownerId" = ${mine}`),
      countRows("Task", `"ownerId" = ${mine}`),
      countRows("Turn", `"taskId" = $1`, [task.id]),
      countRows("ProviderSecret", `"userId" = ${mine}`),
      countRows("Task", `"ownerId" = ${mine} AND (archived OR title <> 'bad input')`),
    ]);
  const before = await snapshot();
  for (const [method, url, wrongTypes] of routes) {
    const bodies: Array<[string, { data?: unknown; headers?: Record<string, string> }, number]> = [
      ["malformed JSON", { data: "{oops", headers: { "content-type": "application/json" } }, 400],
      ["wrong types", { data: wrongTypes }, 400],
      ["unknown field", { data: { ...wrongTypes, surprise: true } }, 400],
      ["oversized", { data: { text: "x".repeat(1_100_000) } }, 413],
    ];
    for (const [what, body, status] of bodies) {
      const res = await request.fetch(url, { method, data: body.data, headers: { ...headers, ...body.headers } });
      expect(res.status(), `${method} ${url} ${what}`).toBe(status);
      const json = await res.json();
      expect(json, `${method} ${url} ${what}`).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
  }
  expect(await snapshot()).toEqual(before);
  expect(await countRows("Approval", `id = $1 AND status = 'pending'`, [approval.id])).toBe(1);
  const queryBad = await request.get("/api/tasks?limit=1000&status=nope", { headers });
  expect(queryBad.status()).toBe(400);
});
