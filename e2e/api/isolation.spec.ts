import { readFileSync } from "node:fs";
import path from "node:path";
import { io } from "socket.io-client";
import { baseURL } from "../playwright.config";
import { expect, signUp, signUpAdmin, test, tokenFor } from "../fixtures";
import { appRoutes, routeKey } from "../fixtures/api-tree";
import { digest, GLOBAL_TABLES, tableNames, USER_ROWS, userIdOf } from "../fixtures/db-digest";
import { ADMIN_ONLY, type AIds, FOREIGN, OWN_ONLY, PUBLIC, SHARED } from "../fixtures/isolation-matrix";
import { makeRepo } from "../fixtures/repo";

const databaseUrl = () => readFileSync(path.resolve(import.meta.dirname, "../.artifacts/database-url"), "utf8");

test("the isolation matrix names every route under app/api, and every table is attributed to a user or global", async () => {
  const routes = appRoutes().map(routeKey).sort();
  expect([...Object.keys(FOREIGN), ...Object.keys(ADMIN_ONLY), ...Object.keys(SHARED), ...OWN_ONLY, ...PUBLIC].sort()).toEqual(routes);
  expect((await tableNames(databaseUrl())).sort()).toEqual([...Object.keys(USER_ROWS), ...GLOBAL_TABLES].sort());
});

test("member B gets 404 on every route and socket event for administrator A's private resources, 403 on admin-only routes, reads A's shared environment, sees none of A's other data, and A's rows are unchanged", async ({ request }) => {
  const alice = await signUpAdmin(request, "alice");
  const tokenA = await tokenFor(request, alice);
  const tokenB = await tokenFor(request, await signUp(request, "bob"));
  const a = { authorization: `Bearer ${tokenA}` };
  const b = { authorization: `Bearer ${tokenB}` };
  const env = await (await request.post("/api/environments", { headers: a, data: { label: "A", repo: makeRepo() } })).json();
  const task = await (await request.post("/api/tasks", { headers: a, data: { environmentId: env.id, prompt: "/scenario edit\nmine" } })).json();
  expect((await request.put("/api/settings/provider-keys/openai", { headers: a, data: { apiKey: "sk-alice-secret-key" } })).status()).toBe(200);
  await expect.poll(async () => (await (await request.get("/api/approvals?status=pending", { headers: a })).json()).items.length, { timeout: 60_000 }).toBe(1);
  const approval = (await (await request.get("/api/approvals?status=pending", { headers: a })).json()).items[0];
  const tokensA = (await (await request.get("/api/tokens", { headers: a })).json()).items;
  const thread = (await (await request.get(`/api/tasks/${task.id}`, { headers: a })).json()).attempts[0].threadId;
  const aliceId = await userIdOf(databaseUrl(), alice.email);
  const ids: AIds = { env: env.id, task: task.id, approval: approval.id, thread, token: tokensA[0].id, user: aliceId };
  // What must not leak: everything of A's but the shared environment.
  const { env: _shared, ...privateIds } = ids;
  const before = await digest(databaseUrl(), USER_ROWS, [aliceId]);

  const socketB = io(baseURL, { auth: { token: tokenB }, transports: ["websocket"], reconnection: false });
  const seenByB: string[] = [];
  socketB.onAny((event: string, payload: unknown) => seenByB.push(`${event} ${JSON.stringify(payload)}`));
  await new Promise((resolve) => socketB.once("connect", () => resolve(null)));

  for (const [key, attempt] of Object.entries(FOREIGN)) {
    const { url, data } = attempt(ids);
    const res = await request.fetch(url, { method: key.split(" ")[0], headers: b, data });
    expect(res.status(), key).toBe(404);
    expect((await res.json()).error.code, key).toBe("NOT_FOUND");
  }
  for (const [key, attempt] of Object.entries(ADMIN_ONLY)) {
    const { url, data } = attempt(ids);
    const res = await request.fetch(url, { method: key.split(" ")[0], headers: b, data });
    expect(res.status(), key).toBe(403);
    expect((await res.json()).error.code, key).toBe("FORBIDDEN");
  }
  const own: Record<string, { url: string; data?: unknown }> = {
    "POST /api/tokens": { url: "/api/tokens", data: { name: "b2" } },
    "PUT /api/settings/provider-keys/{provider}": { url: "/api/settings/provider-keys/openai", data: { apiKey: "sk-bob-own-key" } },
    "DELETE /api/settings/provider-keys/{provider}": { url: "/api/settings/provider-keys/openai" },
  };
  for (const key of OWN_ONLY) {
    const [method, route] = key.split(" ") as [string, string];
    const { url, data } = own[key] ?? { url: route };
    const res = await request.fetch(url, { method, headers: b, data });
    expect(res.status(), key).toBeLessThan(300);
    const text = await res.text();
    for (const [what, value] of Object.entries({ ...privateIds, email: alice.email })) expect(text.includes(value), `${key} shows A's ${what}`).toBe(false);
  }
  expect((await (await request.get("/api/tasks", { headers: b })).json()).items).toEqual([]);
  expect((await (await request.get("/api/approvals?status=pending", { headers: b })).json()).items).toEqual([]);

  expect(await socketB.emitWithAck("task:subscribe", { taskId: task.id, afterSeq: 0 })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  expect(await socketB.emitWithAck("task:unsubscribe", { taskId: task.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  expect(await digest(databaseUrl(), USER_ROWS, [aliceId])).toEqual(before);

  // A's own activity reaches A's sockets only: B's socket hears nothing of it.
  expect((await request.post(`/api/approvals/${approval.id}`, { headers: a, data: { decision: "accept" } })).status()).toBe(200);
  await expect.poll(async () => (await (await request.get(`/api/tasks/${task.id}`, { headers: a })).json()).status, { timeout: 60_000 }).toBe("ready");
  socketB.close();
  expect(seenByB).toEqual([]);

  // Environments are shared: B lists and reads A's, and starts a task of its own on it.
  const shared: Record<string, number> = { "GET /api/environments": 200, "GET /api/environments/{id}": 200, "GET /api/environments/{id}/branches": 200, "POST /api/tasks": 201 };
  const sharedBefore = await digest(databaseUrl(), USER_ROWS, [aliceId]);
  for (const [key, attempt] of Object.entries(SHARED)) {
    const { url, data } = attempt(ids);
    const res = await request.fetch(url, { method: key.split(" ")[0], headers: b, data });
    expect(res.status(), key).toBe(shared[key]);
    const text = await res.text();
    // The branch list is about A's environment without naming it.
    if (key.endsWith("/branches")) expect(JSON.parse(text), key).toEqual({ items: [{ name: "main", default: true }] });
    else expect(text.includes(env.id), key).toBe(true);
    for (const [what, value] of Object.entries({ ...privateIds, email: alice.email })) expect(text.includes(value), `${key} shows A's ${what}`).toBe(false);
    if (key === "POST /api/tasks") expect((await request.post(`/api/tasks/${JSON.parse(text).id}/interrupt`, { headers: b })).status()).toBe(202);
  }
  expect(await digest(databaseUrl(), USER_ROWS, [aliceId])).toEqual(sharedBefore);
});
