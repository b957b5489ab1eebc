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
