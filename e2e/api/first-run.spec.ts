import { expect, test, uniqueEmail } from "../fixtures";
import { type OwnServer, startOwnServer } from "../fixtures/own-server";

// A fresh install reachable beyond loopback: its first (admin) account needs the setup token the
// server printed in its log, so a stranger who reaches it first cannot claim it.
let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer({ HOST: "0.0.0.0" });
});
test.afterAll(() => server?.stop());

function setupToken(of: OwnServer): string {
  const token = of.lines.map((l) => /"setupToken":"([^"]+)"/.exec(l)?.[1]).find(Boolean);
  if (!token) throw new Error(`No setup token in the server log:\n${of.lines.join("\n")}`);
  return token;
}

test.describe.configure({ mode: "serial" });

test("the first account needs the setup token from the log; later sign-ups do not", async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: server.baseURL });
  const first = { email: uniqueEmail("first"), password: "first-admin-password" };
  for (const setup of [{}, { setupToken: "not-the-token-0000000000" }, { setupToken: "" }]) {
    const refused = await request.post("/api/users", { data: { ...first, ...setup } });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN", message: expect.stringMatching(/setup token/) } });
  }
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);

  // What `npm start` says last: where to go, what to do there, with the token.
  const hint = `Open http://localhost:${new URL(server.baseURL).port} and create the administrator account with the setup token ${setupToken(server)}.`;
  await expect.poll(() => server.lines).toContain(hint);
  const made = await request.post("/api/users", { data: { ...first, setupToken: setupToken(server) } });
  expect(made.status()).toBe(201);
  const later = await request.post("/api/users", { data: { email: uniqueEmail("later"), password: "later-member-password" } });
  expect(later.status()).toBe(201);
  await request.dispose();
});

test("the first-run login page asks for the setup token; sign-up does not once an account exists", async ({ page, browser }) => {
  const fresh = await startOwnServer({ HOST: "0.0.0.0" });
  try {
    await page.goto(`${fresh.baseURL}/login`);
    await expect(page.getByRole("heading", { name: "Create the administrator account" })).toBeVisible();
    await page.getByLabel("Email address").fill(uniqueEmail("ui-first"));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Password", { exact: true }).fill("first-admin-password");
    await page.getByLabel("Setup token").fill(setupToken(fresh));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "What should we code next?" })).toBeVisible();

    const other = await browser.newContext();
    const second = await other.newPage();
    await second.goto(`${fresh.baseURL}/signup`);
    await second.getByLabel("Email address").fill(uniqueEmail("ui-second"));
    await second.getByRole("button", { name: "Continue" }).click();
    await expect(second.getByLabel("Password", { exact: true })).toBeVisible();
    await expect(second.getByLabel("Setup token")).toHaveCount(0);
    await other.close();
  } finally {
    await fresh.stop();
  }
});
