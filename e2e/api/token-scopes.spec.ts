import type { APIRequestContext } from "@playwright/test";
import { io } from "socket.io-client";
import { baseURL } from "../playwright.config";
import { countRows, environmentFor, expect, runSql, signUp, test, tokenFor, type TestUser } from "../fixtures";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A token of the given scope for the user, minted with the user's full-access token. */
async function scoped(request: APIRequestContext, full: string, scope: string, extra: Record<string, unknown> = {}) {
  const res = await request.post("/api/tokens", { headers: bearer(full), data: { name: `${scope} token`, scope, ...extra } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; token: string; scope: string; expiresAt: string | null };
}

const ownTasks = (user: TestUser) => countRows("Task", `"ownerId" = (SELECT id FROM "User" WHERE email = $1)`, [user.email]);
const ownTokens = (user: TestUser) => countRows("ApiToken", `"userId" = (SELECT id FROM "User" WHERE email = $1)`, [user.email]);

async function expectForbidden(res: Awaited<ReturnType<APIRequestContext["post"]>>, scope: string) {
  expect(res.status(), await res.text()).toBe(403);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("FORBIDDEN");
  expect(body.error.message).toContain(`"${scope}"`);
}

test("a read token reads but changes nothing: no tasks, no tokens, no keys", async ({ request }) => {
  const user = await signUp(request, "scope-read");
  const environment = await environmentFor(request, user);
  const full = await tokenFor(request, user);
  const read = await scoped(request, full, "read");
  expect(read.scope).toBe("read");

  expect((await request.get("/api/tasks", { headers: bearer(read.token) })).status()).toBe(200);
  expect((await request.get("/api/tokens", { headers: bearer(read.token) })).status()).toBe(200);
  expect((await request.get(`/api/environments/${environment.id}`, { headers: bearer(read.token) })).status()).toBe(200);

  const tokensBefore = await ownTokens(user);
  await expectForbidden(await request.post("/api/tasks", { headers: bearer(read.token), data: { environmentId: environment.id, prompt: "/scenario edit\nNo" } }), "read");
  await expectForbidden(await request.post("/api/tokens", { headers: bearer(read.token), data: { name: "escalate", scope: "admin" } }), "read");
  await expectForbidden(await request.put("/api/settings/provider-keys/openai", { headers: bearer(read.token), data: { apiKey: "sk-read-token" } }), "read");
  await expectForbidden(await request.delete(`/api/tokens/${read.id}`, { headers: bearer(read.token) }), "read");
  expect(await ownTasks(user)).toBe(0);
  expect(await ownTokens(user)).toBe(tokensBefore);
  expect(await countRows("ProviderSecret", `"userId" = (SELECT id FROM "User" WHERE email = $1)`, [user.email])).toBe(0);
});

test("a tasks token runs tasks but cannot mint tokens, set keys or end sessions", async ({ request }) => {
  const user = await signUp(request, "scope-tasks");
  const environment = await environmentFor(request, user);
  const full = await tokenFor(request, user);
  const tasks = await scoped(request, full, "tasks", { expiresInDays: 30 });

  const created = await request.post("/api/tasks", { headers: bearer(tasks.token), data: { environmentId: environment.id, prompt: "/scenario edit\nAdd a greeting" } });
  expect(created.status(), await created.text()).toBe(201);
  const task = (await created.json()) as { id: string };
  expect((await request.patch(`/api/tasks/${task.id}`, { headers: bearer(tasks.token), data: { title: "Renamed by a tasks token" } })).status()).toBe(200);

  await expectForbidden(await request.post("/api/tokens", { headers: bearer(tasks.token), data: { name: "escalate" } }), "tasks");
  await expectForbidden(await request.put("/api/settings/provider-keys/openai", { headers: bearer(tasks.token), data: { apiKey: "sk-tasks-token" } }), "tasks");
  await expectForbidden(await request.post("/api/users/me/sessions/revoke", { headers: bearer(tasks.token) }), "tasks");
  await expectForbidden(await request.post("/api/environments", { headers: bearer(tasks.token), data: { label: "x", repo: "https://example.com/x.git" } }), "tasks");
  expect(await ownTasks(user)).toBe(1);
});

test("tokens list their scope and expiry; an expired token answers 401 and its socket is refused", async ({ request }) => {
  const user = await signUp(request, "scope-expiry");
  const full = await tokenFor(request, user);
  const before = Date.now();
  const soon = await scoped(request, full, "read", { expiresInDays: 7 });
  const expiresAt = new Date(soon.expiresAt!).getTime();
  expect(expiresAt).toBeGreaterThanOrEqual(before + 7 * 86_400_000);
  expect(expiresAt).toBeLessThanOrEqual(Date.now() + 7 * 86_400_000);

  const items = (await (await request.get("/api/tokens", { headers: bearer(full) })).json()).items as Array<{ id: string; scope: string; expiresAt: string | null }>;
  expect(items.find((t) => t.id === soon.id)).toMatchObject({ scope: "read", expiresAt: soon.expiresAt });
  expect(items.find((t) => t.id !== soon.id)).toMatchObject({ scope: "admin", expiresAt: null });

  expect((await runSql(`UPDATE "ApiToken" SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [soon.id])).rowCount).toBe(1);
  const expired = await request.get("/api/tasks", { headers: bearer(soon.token) });
  expect(expired.status()).toBe(401);
  expect((await expired.json()).error.code).toBe("UNAUTHENTICATED");
  const socket = io(baseURL, { auth: { token: soon.token }, transports: ["websocket"], reconnection: false });
  const refusal = await new Promise<string>((resolve) => socket.once("connect_error", (error) => resolve(error.message)));
  expect(refusal).toBe("UNAUTHENTICATED");
  socket.close();
});

test("a socket opened with a token is closed when the token expires", async ({ request }) => {
  const user = await signUp(request, "scope-sock");
  const full = await tokenFor(request, user);
  const brief = await scoped(request, full, "read", { expiresInDays: 1 });
  expect((await runSql(`UPDATE "ApiToken" SET "expiresAt" = now() + interval '2 seconds' WHERE id = $1`, [brief.id])).rowCount).toBe(1);
  const socket = io(baseURL, { auth: { token: brief.token }, transports: ["websocket"], reconnection: false });
  await new Promise((resolve, reject) => (socket.once("connect", () => resolve(null)), socket.once("connect_error", reject)));
  const reason = await new Promise<string>((resolve) => socket.once("disconnect", (why) => resolve(why)));
  expect(reason).toBe("io server disconnect");
  expect((await request.get("/api/tasks", { headers: bearer(brief.token) })).status()).toBe(401);
});

test("bad scopes and lifetimes answer 400 and mint nothing", async ({ request }) => {
  const user = await signUp(request, "scope-bad");
  const full = await tokenFor(request, user);
  const before = await ownTokens(user);
  for (const data of [
    { name: "x", scope: "root" },
    { name: "x", scope: ["read"] },
    { name: "x", expiresInDays: 0 },
    { name: "x", expiresInDays: 366 },
    { name: "x", expiresInDays: 1.5 },
    { name: "x", expiresInDays: "7" },
  ]) {
    const res = await request.post("/api/tokens", { headers: bearer(full), data });
    expect(res.status(), JSON.stringify(data)).toBe(400);
    expect((await res.json()).error.code).toBe("VALIDATION_FAILED");
  }
  expect(await ownTokens(user)).toBe(before);
});
