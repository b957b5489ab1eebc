import { io } from "socket.io-client";
import { baseURL } from "../playwright.config";
import { countRows, expect, signUp, test, tokenFor } from "../fixtures";
import { makeRepo } from "../fixtures/repo";

test("user B gets 404 on every route and socket event for user A's resources, and A's data is unchanged", async ({ request }) => {
  const tokenA = await tokenFor(request, await signUp(request, "alice"));
  const tokenB = await tokenFor(request, await signUp(request, "bob"));
  const a = { authorization: `Bearer ${tokenA}` };
  const b = { authorization: `Bearer ${tokenB}` };
  const env = await (await request.post("/api/environments", { headers: a, data: { label: "A", repo: makeRepo() } })).json();
  const task = await (await request.post("/api/tasks", { headers: a, data: { environmentId: env.id, prompt: "/scenario edit\nmine" } })).json();
  await expect.poll(async () => (await (await request.get("/api/approvals?status=pending", { headers: a })).json()).items.length, { timeout: 30_000 }).toBe(1);
  const approval = (await (await request.get("/api/approvals?status=pending", { headers: a })).json()).items[0];
  const tokensA = (await (await request.get("/api/tokens", { headers: a })).json()).items;
  const threadId = (await (await request.get(`/api/tasks/${task.id}`, { headers: a })).json()).attempts[0].threadId;
  const eventsBefore = await countRows("TaskEvent", `"taskId" = $1`, [task.id]);

  const attempts: Array<[string, string, unknown?]> = [
    ["GET", `/api/environments/${env.id}`],
    ["PATCH", `/api/environments/${env.id}`, { label: "mine now" }],
    ["DELETE", `/api/environments/${env.id}`],
    ["GET", `/api/tasks/${task.id}`],
    ["PATCH", `/api/tasks/${task.id}`, { archived: true }],
    ["GET", `/api/tasks/${task.id}/events`],
    ["GET", `/api/tasks/${task.id}/diff`],
    ["GET", `/api/tasks/${task.id}/patch`],
    ["POST", `/api/tasks/${task.id}/messages`, { text: "hi" }],
    ["POST", `/api/tasks/${task.id}/interrupt`],
    ["POST", `/api/tasks/${task.id}/apply`, { preflight: true }],
    ["POST", `/api/approvals/${approval.id}`, { decision: "decline" }],
    ["GET", `/api/threads/${threadId}`],
    ["POST", `/api/threads/${threadId}/turns`, { text: "hi" }],
    ["DELETE", `/api/tokens/${tokensA[0].id}`],
    ["GET", `/api/audit?taskId=${task.id}`],
    ["POST", "/api/tasks", { environmentId: env.id, prompt: "use A's environment" }],
  ];
  for (const [method, url, data] of attempts) {
    const res = await request.fetch(url, { method, headers: b, data });
    expect(res.status(), `${method} ${url}`).toBe(404);
    expect((await res.json()).error.code, `${method} ${url}`).toBe("NOT_FOUND");
  }
  expect((await (await request.get("/api/tasks", { headers: b })).json()).items).toEqual([]);
  expect((await (await request.get("/api/approvals?status=pending", { headers: b })).json()).items).toEqual([]);
  expect((await (await request.get("/api/environments", { headers: b })).json()).items).toEqual([]);

  const socket = io(baseURL, { auth: { token: tokenB }, transports: ["websocket"], reconnection: false });
  try {
    const res = await socket.emitWithAck("task:subscribe", { taskId: task.id, afterSeq: 0 });
    expect(res).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  } finally {
    socket.close();
  }

  const envAfter = await (await request.get(`/api/environments/${env.id}`, { headers: a })).json();
  expect(envAfter.label).toBe("A");
  const taskAfter = await (await request.get(`/api/tasks/${task.id}`, { headers: a })).json();
  expect(taskAfter).toMatchObject({ archived: false, status: "awaiting_approval" });
  expect(await countRows("Approval", `id = $1 AND status = 'pending'`, [approval.id])).toBe(1);
  expect(await countRows("TaskEvent", `"taskId" = $1 AND seq > $2 AND type = 'turn/started'`, [task.id, eventsBefore])).toBe(0);
  expect((await request.get("/api/tokens", { headers: a })).status()).toBe(200);
  expect((await request.post(`/api/approvals/${approval.id}`, { headers: a, data: { decision: "accept" } })).status()).toBe(200);
});
