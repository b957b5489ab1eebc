import { expect, test, uniqueEmail } from "../fixtures";
import { type OwnServer, startOwnServer } from "../fixtures/own-server";

// A fresh install on loopback (no setup token): the run's own server already has accounts, so
// "no account yet" needs a server of its own on an empty database.
let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(() => server?.stop());

test("with no account yet, the server says to create the administrator account, and /login creates it", async ({ page, browser }, testInfo) => {
  // What `npm start` says last (stdout; the log lines before it are on stderr).
  const hint = `Open http://127.0.0.1:${new URL(server.baseURL).port} and create the administrator account.`;
  await expect.poll(() => server.lines).toContain(hint);

  const chinese = await browser.newContext({ locale: "zh-CN" });
  const zhPage = await chinese.newPage();
  await zhPage.goto(`${server.baseURL}/login`);
  await expect(zhPage.getByRole("heading", { name: "创建管理员账户" })).toBeVisible();
  await chinese.close();

  await page.goto(`${server.baseURL}/login`);
  await expect(page.getByRole("heading", { name: "Create the administrator account" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Welcome back" })).toHaveCount(0);
  // No account exists to log in to.
  await expect(page.getByText("Already have an account?")).toHaveCount(0);
  await expect(page.getByLabel("Setup token")).toHaveCount(0);
  await page.getByLabel("Email address").fill(uniqueEmail("first-admin"));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription("At least 8 characters.");
  await page.screenshot({ path: testInfo.outputPath("first-run-login.png"), fullPage: true });
  await page.getByLabel("Password", { exact: true }).fill("first-admin-password");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "What should we code next?" })).toBeVisible();
  // The first account is the administrator: only administrators list the users.
  expect((await page.request.get(`${server.baseURL}/api/users`)).status()).toBe(200);

  const other = await browser.newContext();
  const later = await other.newPage();
  await later.goto(`${server.baseURL}/login`);
  await expect(later.getByRole("heading", { name: "Welcome back" })).toBeVisible();
  await expect(later.getByText("Don't have an account?")).toBeVisible();
  await other.close();
});
