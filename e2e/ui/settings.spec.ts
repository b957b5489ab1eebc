import { expect, signInUi, signUp, test } from "../fixtures";

test("settings: create a token (shown once) that works for the API, revoke it; set a provider key; read the audit log", async ({ page, request }, testInfo) => {
  await signInUi(page, await signUp(request, "settings"));
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("link", { name: "Settings" }).click();

  await page.getByLabel("Token name").fill("my script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.locator(".ant-alert code").textContent())!.trim();
  expect(token).toMatch(/^ccp_/);
  expect((await request.get("/api/tokens", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);

  await page.getByLabel("OpenAI API key").fill("sk-ui-test-key-123");
  await page.getByRole("listitem").filter({ hasText: "OpenAI" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "OpenAI" }).getByText("set", { exact: true })).toBeVisible();
  await expect(page.getByText("sk-ui-test-key-123")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("settings.png"), fullPage: true });

  await page.getByRole("listitem").filter({ hasText: "my script" }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "my script" })).toHaveCount(0);
  expect((await request.get("/api/tokens", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);

  await page.getByRole("link", { name: "Audit" }).click();
  for (const action of ["token.create", "token.revoke", "provider_key.set", "user.create"]) {
    await expect(page.getByRole("cell", { name: action, exact: true })).toBeVisible();
  }
});

test("settings: a read-only token that expires in 7 days reads, is refused changes, and is listed with its scope and expiry", async ({ page, request }) => {
  await signInUi(page, await signUp(request, "settings-scope"));
  await page.goto("/settings");
  await page.getByLabel("Token name").fill("dashboard");
  await page.getByLabel("Scope", { exact: true }).click();
  await page.locator(".ant-select-dropdown:visible").getByTitle("Read only", { exact: true }).click();
  await expect(page.getByText("Reads tasks, events, diffs and environments; changes nothing.")).toBeVisible();
  await page.getByLabel("Expires", { exact: true }).click();
  await page.locator(".ant-select-dropdown:visible").getByTitle("In 7 days", { exact: true }).click();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.locator(".ant-alert code").textContent())!.trim();

  const row = page.getByRole("listitem").filter({ hasText: "dashboard" });
  await expect(row.getByText("Read only", { exact: true })).toBeVisible();
  await expect(row.getByText(/expires /)).toBeVisible();
  const auth = { authorization: `Bearer ${token}` };
  const listed = (await (await request.get("/api/tokens", { headers: auth })).json()).items as Array<{ name: string; scope: string; expiresAt: string | null }>;
  expect(listed).toEqual([expect.objectContaining({ name: "dashboard", scope: "read", expiresAt: expect.any(String) })]);
  const minted = await request.post("/api/tokens", { headers: auth, data: { name: "escalate" } });
  expect(minted.status()).toBe(403);
});
