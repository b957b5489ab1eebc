import { io } from "socket.io-client";
import { baseURL } from "../playwright.config";
import { environmentFor, expect, runSql, sessionCookie, signedInContext, signUp, signUpAdmin, test, tokenFor } from "../fixtures";

const taskStatus = async (id: string) => (await runSql<{ status: string }>(`SELECT status FROM "Task" WHERE id = $1`, [id])).rows[0]?.status;

test("a disabled member is signed out everywhere: cookie, token and sockets refused, running task stopped; enabled again, everything they made is there", async ({ request }) => {
  const admin = { authorization: `Bearer ${await tokenFor(request, await signUpAdmin(request, "disabler"))}` };
  const member = await signUp(request, "disabled");
  const environment = await environmentFor(request, member);
  const created = await request.post("/api/tasks", { headers: environment.headers, data: { environmentId: environment.id, prompt: "/scenario slow\nTake your time" } });
  expect(created.status(), await created.text()).toBe(201);
  const task = (await created.json()) as { id: string };
  await expect.poll(() => taskStatus(task.id), { timeout: 30_000 }).toBe("running");

  const token = environment.headers.authorization!.slice("Bearer ".length);
  const browser = await signedInContext(member);
  const cookie = await sessionCookie(browser);
  const socket = io(baseURL, { auth: { token }, transports: ["websocket"], reconnection: false });
  await new Promise((resolve, reject) => (socket.once("connect", () => resolve(null)), socket.once("connect_error", reject)));
  const closed = new Promise<string>((resolve) => socket.once("disconnect", (why) => resolve(why)));

  const users = (await (await request.get("/api/users", { headers: admin })).json()).items as Array<{ id: string; email: string; disabled: boolean }>;
  const target = users.find((u) => u.email === member.email)!;
  expect(target.disabled).toBe(false);
  const disabled = await request.patch(`/api/users/${target.id}`, { headers: admin, data: { disabled: true } });
  expect(disabled.status(), await disabled.text()).toBe(200);
  expect(await disabled.json()).toMatchObject({ email: member.email, disabled: true, role: "member" });

  expect(await closed).toBe("io server disconnect");
  expect((await request.get("/api/tasks", { headers: environment.headers })).status()).toBe(401);
  expect((await request.get("/api/tasks", { headers: { cookie } })).status()).toBe(401);
  await expect.poll(() => taskStatus(task.id), { timeout: 30_000 }).toBe("cancelled");
  const signIn = await request.post("/api/tokens", { data: { name: "again", ...member } });
  expect(signIn.status()).toBe(403);
  expect((await signIn.json()).error.message).toContain("disabled");
  const wrong = await request.post("/api/tokens", { data: { name: "again", email: member.email, password: "not-the-password" } });
  expect(wrong.status(), "a wrong password does not learn that the account is disabled").toBe(401);
  const refused = io(baseURL, { auth: { token }, transports: ["websocket"], reconnection: false });
  expect(await new Promise<string>((resolve) => refused.once("connect_error", (e) => resolve(e.message)))).toBe("UNAUTHENTICATED");
  refused.close();

  expect((await request.patch(`/api/users/${target.id}`, { headers: admin, data: { disabled: false } })).status()).toBe(200);
  const mine = await request.get(`/api/tasks/${task.id}`, { headers: environment.headers });
  expect(mine.status(), "the member's token works again once enabled").toBe(200);
  expect(await mine.json()).toMatchObject({ id: task.id, status: "cancelled" });
  const again = await signedInContext(member);
  expect((await again.get("/api/tasks")).status()).toBe(200);
  await Promise.all([browser.dispose(), again.dispose()]);
});

test("members cannot disable anyone; nobody disables themself or an administrator; bad bodies change nothing", async ({ request }) => {
  const adminUser = await signUpAdmin(request, "selfdisable");
  const admin = { authorization: `Bearer ${await tokenFor(request, adminUser)}` };
  const member = await signUp(request, "nodisable");
  const memberAuth = { authorization: `Bearer ${await tokenFor(request, member)}` };
  const users = (await (await request.get("/api/users", { headers: admin })).json()).items as Array<{ id: string; email: string }>;
  const id = (email: string) => users.find((u) => u.email === email)!.id;

  const byMember = await request.patch(`/api/users/${id(adminUser.email)}`, { headers: memberAuth, data: { disabled: true } });
  expect(byMember.status()).toBe(403);
  const self = await request.patch(`/api/users/${id(adminUser.email)}`, { headers: admin, data: { disabled: true } });
  expect(self.status()).toBe(409);
  expect((await self.json()).error.message).toContain("your own account");
  const otherAdmin = await signUpAdmin(request, "otheradmin");
  const listed = (await (await request.get("/api/users", { headers: admin })).json()).items as Array<{ id: string; email: string }>;
  const adminTarget = listed.find((u) => u.email === otherAdmin.email)!.id;
  const anAdmin = await request.patch(`/api/users/${adminTarget}`, { headers: admin, data: { disabled: true } });
  expect(anAdmin.status()).toBe(409);
  expect((await anAdmin.json()).error.message).toContain("make them a member first");
  for (const data of [{}, { disabled: "yes" }, { disabled: true, extra: 1 }]) {
    const res = await request.patch(`/api/users/${id(member.email)}`, { headers: admin, data });
    expect(res.status(), JSON.stringify(data)).toBe(400);
  }
  const count = await runSql<{ n: string }>(`SELECT count(*) AS n FROM "User" WHERE "disabledAt" IS NOT NULL AND email = ANY($1)`, [[adminUser.email, member.email, otherAdmin.email]]);
  expect(Number(count.rows[0]!.n)).toBe(0);
  expect((await request.get("/api/tasks", { headers: memberAuth })).status()).toBe(200);
});
