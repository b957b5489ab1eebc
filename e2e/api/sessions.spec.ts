import http from "node:http";
import type { APIRequestContext, Browser } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { countRows, expect, sessionCookie, signedInContext, signInUi, signUp, signUpAdmin, test, tokenFor } from "../fixtures";


const withCookie = (request: APIRequestContext, cookie: string) => request.get("/api/tokens", { headers: { cookie } });

async function browserUser(browser: Browser, user: { email: string; password: string }) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInUi(page, user);
  return { context, page };
}

test("a cookie copied before sign-out is refused (401) after sign-out", async ({ browser, request }) => {
  const user = await signUp(request, "signout");
  const { context, page } = await browserUser(browser, user);
  const copied = await sessionCookie(context);
  expect((await withCookie(request, copied)).status()).toBe(200);
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByText("Sign out").click();
  await expect(page).toHaveURL(/\/login/);
  const res = await withCookie(request, copied);
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
  await context.close();
});

test("Sign out everywhere in Settings ends another browser's session; tokens keep working", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const user = await signUp(request, "everywhere");
  const token = await tokenFor(request, user);
  const here = await browserUser(browser, user);
  const there = await browserUser(browser, user);
  const otherCookie = await sessionCookie(there.context);
  await here.page.goto("/settings");
  await here.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(here.page).toHaveURL(/\/login/);
  expect((await withCookie(request, otherCookie)).status()).toBe(401);
  await there.page.goto("/");
  await expect(there.page).toHaveURL(/\/login/);
  expect((await request.get("/api/tokens", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
  expect(await countRows("AuditLog", `action = 'auth.sign_out_everywhere' AND actor = $1`, [user.email])).toBe(1);
  await Promise.all([here.context.close(), there.context.close()]);
});

test("POST /api/users/me/sessions/revoke without a session answers 401", async ({ request }) => {
  const res = await request.post("/api/users/me/sessions/revoke");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
});

test("a demoted administrator's cookie is refused", async ({ request }) => {
  const demoted = await signUpAdmin(request, "demoted");
  const admin = await signUpAdmin(request, "demoter");
  const ctx = await signedInContext(demoted);
  const cookie = await sessionCookie(ctx);
  const users = await (await request.get("/api/users", { headers: { cookie } })).json();
  const id = users.items.find((u: { email: string }) => u.email === demoted.email).id;
  const adminAuth = { authorization: `Bearer ${await tokenFor(request, admin)}` };
  expect((await request.patch(`/api/users/${id}`, { headers: adminAuth, data: { role: "member" } })).status()).toBe(200);
  expect((await withCookie(request, cookie)).status()).toBe(401);
  await ctx.dispose();
});

/** POST from a chosen loopback source address: the server sees it as another client. */
function postFrom(localAddress: string, path: string, body: unknown): Promise<number> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", localAddress, headers: { "content-type": "application/json" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

test("wrong passwords slow down the attacker's address, not the owner signing in from another one", async ({ request }) => {
  const owner = await signUp(request, "lockout");
  const attempt = (from: string, password: string) => postFrom(from, "/api/tokens", { name: "x", email: owner.email, password });
  const statuses: number[] = [];
  for (let i = 0; i < 11; i += 1) statuses.push(await attempt("127.0.0.3", "wrong-guess"));
  expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
  expect(statuses[10]).toBe(429);
  expect(await attempt("127.0.0.3", owner.password)).toBe(429);
  expect(await attempt("127.0.0.2", owner.password)).toBe(201);
});
