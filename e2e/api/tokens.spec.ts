import { io } from "socket.io-client";
import { baseURL } from "../playwright.config";
import { countRows, expect, signUp, test, tokenFor } from "../fixtures";

test("a script signs in with email + password, uses the token, lists and revokes it", async ({ request }) => {
  const user = await signUp(request, "tok");
  const token = await tokenFor(request, user);
  expect(token).toMatch(/^ccp_/);
  const auth = { authorization: `Bearer ${token}` };

  const list = await request.get("/api/tokens", { headers: auth });
  expect(list.status()).toBe(200);
  const { items } = await list.json();
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ name: "e2e", prefix: token.slice(0, 10) });
  expect(JSON.stringify(items)).not.toContain(token);

  const second = await request.post("/api/tokens", { headers: auth, data: { name: "ci" } });
  expect(second.status()).toBe(201);
  const created = await second.json();

  const revoke = await request.delete(`/api/tokens/${created.id}`, { headers: auth });
  expect(revoke.status()).toBe(204);
  const revokedUse = await request.get("/api/tokens", { headers: { authorization: `Bearer ${created.token}` } });
  expect(revokedUse.status()).toBe(401);
  expect((await revokedUse.json()).error.code).toBe("UNAUTHENTICATED");
});

test("tokens are stored hashed", async ({ request }) => {
  const user = await signUp(request, "hash");
  const token = await tokenFor(request, user);
  expect(await countRows("ApiToken", `"tokenHash" = $1`, [token])).toBe(0);
  expect(await countRows("ApiToken", `"prefix" = $1`, [token.slice(0, 10)])).toBe(1);
});

test("another user's token answers 404 on revoke and stays usable", async ({ request }) => {
  const a = await tokenFor(request, await signUp(request, "owner"));
  const b = await tokenFor(request, await signUp(request, "other"));
  const aTokens = await (await request.get("/api/tokens", { headers: { authorization: `Bearer ${a}` } })).json();
  const res = await request.delete(`/api/tokens/${aTokens.items[0].id}`, { headers: { authorization: `Bearer ${b}` } });
  expect(res.status()).toBe(404);
  expect((await res.json()).error.code).toBe("NOT_FOUND");
  expect((await request.get("/api/tokens", { headers: { authorization: `Bearer ${a}` } })).status()).toBe(200);
});

test("wrong password → 401; no credentials → 401; bad bodies → 400, a body that is not JSON → 415; nothing written", async ({ request }) => {
  const user = await signUp(request, "bad");
  const auth = { authorization: `Bearer ${await tokenFor(request, user)}` };
  const mine = () => countRows("ApiToken", `"userId" = (SELECT id FROM "User" WHERE email = $1)`, [user.email]);
  const before = await mine();
  const wrong = await request.post("/api/tokens", { data: { name: "x", email: user.email, password: "wrong-password" } });
  expect(wrong.status()).toBe(401);
  const anonymous = await request.post("/api/tokens", { data: { name: "x" } });
  expect(anonymous.status()).toBe(401);
  for (const data of [{}, { name: "" }, { name: 5 }, { name: "x", extra: true }]) {
    const res = await request.post("/api/tokens", { data, headers: auth });
    expect(res.status(), JSON.stringify(data)).toBe(400);
    expect((await res.json()).error.code).toBe("VALIDATION_FAILED");
  }
  const text = await request.post("/api/tokens", { data: "text", headers: auth });
  expect(text.status()).toBe(415);
  expect((await text.json()).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  expect(await mine()).toBe(before);
  expect((await request.get("/api/tokens")).status()).toBe(401);
});

test("repeated wrong passwords are rate-limited with 429", async ({ request }) => {
  const user = await signUp(request, "rate");
  const statuses: number[] = [];
  for (let i = 0; i < 12; i += 1) {
    const res = await request.post("/api/tokens", { data: { name: "x", email: user.email, password: "nope-nope" } });
    statuses.push(res.status());
  }
  expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(10)).toEqual([429, 429]);
});

test("revoking a token answers 401 at once and disconnects the sockets it opened", async ({ request }) => {
  const user = await signUp(request, "revsock");
  const keeper = await tokenFor(request, user);
  const doomed = await tokenFor(request, user);
  const auth = (t: string) => ({ authorization: `Bearer ${t}` });
  const socket = io(baseURL, { auth: { token: doomed }, transports: ["websocket"], reconnection: false });
  await new Promise((resolve, reject) => (socket.once("connect", () => resolve(null)), socket.once("connect_error", reject)));
  const other = io(baseURL, { auth: { token: keeper }, transports: ["websocket"], reconnection: false });
  await new Promise((resolve) => other.once("connect", () => resolve(null)));
  const disconnected = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

  const items = (await (await request.get("/api/tokens", { headers: auth(keeper) })).json()).items as Array<{ id: string; prefix: string }>;
  const id = items.find((t) => doomed.startsWith(t.prefix))!.id;
  expect((await request.delete(`/api/tokens/${id}`, { headers: auth(keeper) })).status()).toBe(204);
  expect((await request.get("/api/tokens", { headers: auth(doomed) })).status()).toBe(401);
  expect(await disconnected).toBe("io server disconnect");
  expect(other.connected).toBe(true);
  other.close();
});
