import { io, type Socket } from "socket.io-client";
import { foreignSite } from "../fixtures/foreign-site";
import { makeRepo } from "../fixtures/repo";
import { baseURL } from "../playwright.config";
import { countRows, expect, signInUi, signUpAdmin, test, tokenFor } from "../fixtures";

const FOREIGN = "http://127.0.0.1:1";

function connect(auth: Record<string, string>, extraHeaders: Record<string, string>): Promise<Socket> {
  const socket = io(baseURL, { auth, extraHeaders, transports: ["websocket"], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => (socket.close(), reject(error)));
  });
}

test("a cross-origin text/plain form post with the session cookie is refused and creates nothing", async ({ page, request }) => {
  await signInUi(page, await signUpAdmin(request, "csrf-form"));
  const label = `csrf-${Date.now()}`;
  const body = JSON.stringify({ label, repo: makeRepo() }).slice(0, -1);
  const site = await foreignSite(`<form method="post" enctype="text/plain" action="${baseURL}/api/environments">
    <input name='${body},"x":"' value='"}'></form><script>document.forms[0].submit()</script>`);
  try {
    const answer = page.waitForResponse((r) => r.url() === `${baseURL}/api/environments` && r.request().method() === "POST");
    await page.goto(site.origin);
    const res = await answer;
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
    expect(await countRows("Environment", "label = $1", [label])).toBe(0);
  } finally {
    await site.close();
  }
});

test("cookie writes need our own Origin; bearer writes do not; bodies must be JSON", async ({ page, request }) => {
  const admin = await signUpAdmin(request, "csrf-api");
  await signInUi(page, admin);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const data = (label: string) => ({ label, repo: makeRepo() });
  const post = (headers: Record<string, string>, body: unknown) => request.post("/api/environments", { headers, data: body });
  const label = `csrf-json-${Date.now()}`;

  const foreign = await post({ cookie, origin: FOREIGN }, data(label));
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error.code).toBe("FORBIDDEN");
  const crossSite = await post({ cookie, "sec-fetch-site": "same-site" }, data(label));
  expect(crossSite.status()).toBe(403);
  expect(await countRows("Environment", "label = $1", [label])).toBe(0);

  const plain = await request.post("/api/environments", { headers: { cookie, origin: baseURL, "content-type": "text/plain" }, data: JSON.stringify(data(label)) });
  expect(plain.status()).toBe(415);
  expect((await plain.json()).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  expect(await countRows("Environment", "label = $1", [label])).toBe(0);

  expect((await post({ cookie, origin: baseURL }, data(`${label}-own`))).status()).toBe(201);
  const token = await tokenFor(request, admin);
  expect((await post({ authorization: `Bearer ${token}`, origin: FOREIGN }, data(`${label}-bearer`))).status()).toBe(201);
});

test("a socket handshake with the cookie and a foreign Origin is refused; with a token it connects", async ({ page, request }) => {
  const admin = await signUpAdmin(request, "csrf-sock");
  await signInUi(page, admin);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await expect(connect({}, { cookie, origin: FOREIGN })).rejects.toThrow("UNAUTHENTICATED");
  const own = await connect({}, { cookie, origin: baseURL });
  own.close();
  const token = await tokenFor(request, admin);
  const withToken = await connect({ token }, { origin: FOREIGN });
  expect(withToken.connected).toBe(true);
  withToken.close();
});
