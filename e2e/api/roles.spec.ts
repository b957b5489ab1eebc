import { mkdirSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import pg from "pg";
import { countRows, expect, runDatabaseUrl, setRole, signUp, signUpAdmin, test, tokenFor } from "../fixtures";
import { type OwnServer, startOwnServer } from "../fixtures/own-server";
import { makeRepo } from "../fixtures/repo";

type H = { authorization: string };
const bearer = async (request: APIRequestContext, user: { email: string; password: string }): Promise<H> => ({ authorization: `Bearer ${await tokenFor(request, user)}` });

/** An environment's row as stored, to prove a refused request changed nothing. */
async function environmentRow(url: string, id: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`SELECT * FROM "Environment" WHERE id = $1`, [id])).rows[0];
  } finally {
    await client.end();
  }
}

test("members get 403 FORBIDDEN on environment POST, PATCH and DELETE and nothing changes; they list and read every environment and start tasks on one", async ({ request }) => {
  const admin = await bearer(request, await signUpAdmin(request, "roles-admin"));
  const memberUser = await signUp(request, "roles-member");
  const member = await bearer(request, memberUser);
  const env = await (await request.post("/api/environments", { headers: admin, data: { label: "Shared", repo: makeRepo(), approvalPolicy: "never" } })).json();
  const before = await environmentRow(runDatabaseUrl(), env.id);
  // Other workers make environments meanwhile: count the one the member tries to make.
  const memberRepo = makeRepo();

  const refused = [
    await request.post("/api/environments", { headers: member, data: { label: "Mine", repo: memberRepo } }),
    await request.patch(`/api/environments/${env.id}`, { headers: member, data: { label: "Taken over", setupScript: "touch /tmp/pwned" } }),
    await request.delete(`/api/environments/${env.id}`, { headers: member }),
    // Not a secret either: a missing environment is refused the same way.
    await request.patch("/api/environments/no-such-environment", { headers: member, data: { label: "x" } }),
  ];
  for (const res of refused) {
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual({ error: { code: "FORBIDDEN", message: expect.stringMatching(/administrators/) } });
  }
  expect(await environmentRow(runDatabaseUrl(), env.id)).toEqual(before);
  expect(await countRows("Environment", `repo = $1`, [memberRepo])).toBe(0);

  const list = (await (await request.get("/api/environments", { headers: member })).json()).items as Array<{ id: string }>;
  expect(list.map((e) => e.id)).toContain(env.id);
  const read = await request.get(`/api/environments/${env.id}`, { headers: member });
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({ id: env.id, label: "Shared" });
  expect((await request.get("/api/environments/no-such-environment", { headers: member })).status()).toBe(404);

  const task = await request.post("/api/tasks", { headers: member, data: { environmentId: env.id, prompt: "/scenario edit\nOn a shared environment" } });
  expect(task.status(), await task.text()).toBe(201);
  const taskId = (await task.json()).id as string;
  await expect.poll(async () => (await (await request.get(`/api/tasks/${taskId}`, { headers: member })).json()).status, { timeout: 90_000 }).toBe("ready");
  // The task is the member's own: the administrator who made the environment does not see it.
  expect((await request.get(`/api/tasks/${taskId}`, { headers: admin })).status()).toBe(404);
  expect(await countRows("Task", `id = $1 AND "ownerId" = (SELECT id FROM "User" WHERE email = $2)`, [taskId, memberUser.email])).toBe(1);
});

test("GET and PATCH /api/users are for administrators; a role change is audited and takes effect on the next request", async ({ request }) => {
  const adminUser = await signUpAdmin(request, "users-admin");
  const admin = await bearer(request, adminUser);
  const memberUser = await signUp(request, "users-member");
  const member = await bearer(request, memberUser);

  for (const res of [await request.get("/api/users", { headers: member }), await request.patch("/api/users/whoever", { headers: member, data: { role: "admin" } })]) {
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
  }
  expect((await request.get("/api/users")).status()).toBe(401);

  const listed = (await (await request.get("/api/users", { headers: admin })).json()).items as Array<Record<string, unknown>>;
  const row = listed.find((u) => u.email === memberUser.email);
  expect(row).toEqual({ id: expect.any(String), email: memberUser.email, name: null, role: "member", disabled: false, createdAt: expect.any(String) });
  expect(listed.every((u) => Object.keys(u).sort().join() === "createdAt,disabled,email,id,name,role")).toBe(true);
  const memberId = row!.id as string;

  expect((await request.patch("/api/users/no-such-user", { headers: admin, data: { role: "admin" } })).status()).toBe(404);
  for (const data of [{ role: "user" }, { role: "owner" }, {}, { role: "admin", email: "x@example.test" }]) {
    const res = await request.patch(`/api/users/${memberId}`, { headers: admin, data });
    expect(res.status(), JSON.stringify(data)).toBe(400);
  }
  expect(await countRows("User", `id = $1 AND role = 'member'`, [memberId])).toBe(1);

  const promoted = await request.patch(`/api/users/${memberId}`, { headers: admin, data: { role: "admin" } });
  expect(promoted.status()).toBe(200);
  expect(await promoted.json()).toMatchObject({ id: memberId, email: memberUser.email, role: "admin" });
  // The same token, now an administrator's: it may create an environment.
  expect((await request.post("/api/environments", { headers: member, data: { label: "Promoted", repo: makeRepo() } })).status()).toBe(201);

  for (const headers of [admin, member]) {
    const audit = (await (await request.get("/api/audit", { headers })).json()).items as Array<{ action: string; actor: string; details: Record<string, unknown> }>;
    expect(audit.find((a) => a.action === "user.role_change")).toMatchObject({
      actor: adminUser.email,
      details: { userId: memberId, email: memberUser.email, from: "member", to: "admin" },
    });
  }
  expect((await request.patch(`/api/users/${memberId}`, { headers: admin, data: { role: "member" } })).status()).toBe(200);
  expect((await request.post("/api/environments", { headers: member, data: { label: "Demoted", repo: makeRepo() } })).status()).toBe(403);
  await setRole(memberUser.email, "member");
});

test("repository addresses: file:// URLs must be a repository like paths; http, ext::, fd:: and other transports are refused", async ({ request }) => {
  const admin = await bearer(request, await signUpAdmin(request, "transports"));
  const repo = makeRepo();
  const before = await countRows("Environment");
  const refused = ["http://example.test/r.git", "ext::sh -c touch% /tmp/pwned", "fd::3", "ftp://example.test/r.git", "file:///etc", `file://localhost${repo}`, `file://${repo}/../x`];
  for (const bad of refused) {
    const res = await request.post("/api/environments", { headers: admin, data: { label: "x", repo: bad } });
    expect(res.status(), bad).toBe(400);
    const body = await res.json();
    expect(body.error.code, bad).toBe("VALIDATION_FAILED");
    expect(body.error.details, bad).toEqual([{ path: ["repo"], message: body.error.message }]);
  }
  expect((await (await request.post("/api/environments", { headers: admin, data: { label: "x", repo: "ext::sh" } })).json()).error.message).toMatch(/remote helpers/);
  expect((await (await request.post("/api/environments", { headers: admin, data: { label: "x", repo: "http://example.test/r.git" } })).json()).error.message).toMatch(/http:\/\/ transport is not allowed/);
  expect(await countRows("Environment")).toBe(before);
  const ok = await request.post("/api/environments", { headers: admin, data: { label: "file url", repo: `file://${repo}` } });
  expect(ok.status(), await ok.text()).toBe(201);
  expect(await ok.json()).toMatchObject({ repo: `file://${repo}`, defaultBranch: "main" });
  const env = (await ok.json()).id as string;
  for (const bad of refused) expect((await request.patch(`/api/environments/${env}`, { headers: admin, data: { repo: bad } })).status(), bad).toBe(400);
});

test.describe("on a server of its own", () => {
  // Its own database: "the first user" and "the last administrator" count every user.
  const allowed = path.resolve(import.meta.dirname, "../../.data/e2e-repos", `allowed-${process.pid}-${Date.now().toString(36)}`);
  let server: OwnServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    mkdirSync(allowed, { recursive: true });
    server = await startOwnServer({ ALLOWED_REPO_ROOTS: allowed });
  });
  test.afterAll(async () => server?.stop());

  test("the first user is admin and the next a member; the last administrator cannot be demoted; file:// outside ALLOWED_REPO_ROOTS → 400", async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: server.baseURL });
    try {
      const first = await signUp(request, "first");
      const second = await signUp(request, "second");
      const a = await bearer(request, first);
      const b = await bearer(request, second);
      const users = (await (await request.get("/api/users", { headers: a })).json()).items as Array<{ id: string; email: string; role: string }>;
      expect(users.map((u) => [u.email, u.role])).toEqual([[first.email, "admin"], [second.email, "member"]]);
      const [firstId, secondId] = users.map((u) => u.id) as [string, string];

      const last = await request.patch(`/api/users/${firstId}`, { headers: a, data: { role: "member" } });
      expect(last.status()).toBe(409);
      expect((await last.json()).error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/last administrator/) });
      expect((await request.patch(`/api/users/${secondId}`, { headers: a, data: { role: "admin" } })).status()).toBe(200);
      // Two administrators now: the first may step down, and then the second is the last.
      expect((await request.patch(`/api/users/${firstId}`, { headers: a, data: { role: "member" } })).status()).toBe(200);
      expect((await request.patch(`/api/users/${secondId}`, { headers: a, data: { role: "member" } })).status()).toBe(403);
      expect((await request.patch(`/api/users/${secondId}`, { headers: b, data: { role: "member" } })).status()).toBe(409);

      const outside = makeRepo();
      const inside = path.join(allowed, "repo");
      mkdirSync(inside);
      const { execFileSync } = await import("node:child_process");
      execFileSync("git", ["clone", "--quiet", outside, inside]);
      for (const bad of [`file://${outside}`, outside, `file://${allowed}/../${path.basename(outside)}`]) {
        const res = await request.post("/api/environments", { headers: b, data: { label: "x", repo: bad } });
        expect(res.status(), bad).toBe(400);
        expect((await res.json()).error.message, bad).toMatch(/allowed folders|must not contain/);
      }
      expect((await request.post("/api/environments", { headers: b, data: { label: "in", repo: `file://${inside}` } })).status()).toBe(201);
    } finally {
      await request.dispose();
    }
  });
});
