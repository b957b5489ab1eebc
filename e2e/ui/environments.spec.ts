import { environmentFor, expect, signInUi, signUpAdmin, test } from "../fixtures";

test("internet on with a domain, a variable and a secret set through the form are there after a reload, the secret by name only", async ({ page, request }, testInfo) => {
  const user = await signUpAdmin(request, "envform");
  const { id, headers } = await environmentFor(request, user, { label: "Network repo" });
  await signInUi(page, user);
  await page.goto("/environments");
  const row = page.getByRole("listitem").filter({ hasText: "Network repo" });
  await expect(row.getByText("Internet: setup only")).toBeVisible();

  await row.getByRole("button", { name: "Edit Network repo" }).click();
  const drawer = page.getByRole("dialog", { name: "Edit Network repo" });
  await drawer.getByLabel("Internet access").click();
  await page.locator(".ant-select-item-option").filter({ hasText: "On — setup and agent; optionally only these domains" }).click();
  await drawer.getByLabel("Allowed domains").fill("Registry.NPMJS.org");
  await page.keyboard.press("Enter");
  await drawer.getByRole("button", { name: "Add variable" }).click();
  await drawer.getByLabel("Variable 1 name", { exact: true }).fill("NODE_ENV");
  await drawer.getByLabel("Variable 1 value", { exact: true }).fill("production");
  await drawer.getByRole("button", { name: "Add secret" }).click();
  await drawer.getByLabel("Secret 1 name", { exact: true }).fill("NPM_TOKEN");
  await drawer.getByLabel("Secret 1 value", { exact: true }).fill("npm-ui-secret-value");
  await drawer.getByRole("button", { name: "Save changes" }).click();
  await expect(drawer).toBeHidden();

  await page.reload();
  await expect(row.getByText("Internet: 1 domain")).toBeVisible();
  await expect(row.getByText("1 variable", { exact: true })).toBeVisible();
  await expect(row.getByText("1 secret", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Edit Network repo" }).click();
  await expect(drawer.getByLabel("Internet access")).toBeVisible();
  await expect(drawer.getByText("On — setup and agent; optionally only these domains")).toBeVisible();
  await expect(drawer.getByText("registry.npmjs.org", { exact: true })).toBeVisible();
  await expect(drawer.getByLabel("Variable 1 name", { exact: true })).toHaveValue("NODE_ENV");
  await expect(drawer.getByLabel("Variable 1 value", { exact: true })).toHaveValue("production");
  await expect(drawer.getByLabel("Secret 1 name", { exact: true })).toHaveValue("NPM_TOKEN");
  const secretValue = drawer.getByLabel("Secret 1 value", { exact: true });
  await expect(secretValue).toHaveValue("");
  await expect(secretValue).toHaveAttribute("placeholder", "Set — leave empty to keep");
  expect(await page.content()).not.toContain("npm-ui-secret-value");
  await drawer.getByRole("button", { name: "Add secret" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("environment-access.png") });

  // Saving again with the value left empty keeps the secret (the API got its name only).
  await drawer.getByLabel("Variable 1 value", { exact: true }).fill("test");
  await drawer.getByRole("button", { name: "Save changes" }).click();
  await expect(drawer).toBeHidden();
  const saved = await (await request.get(`/api/environments/${id}`, { headers })).json();
  expect(saved).toMatchObject({ internet: "on", allowedDomains: ["registry.npmjs.org"], variables: [{ name: "NODE_ENV", value: "test" }], secrets: [{ name: "NPM_TOKEN" }] });
});

test("a reserved variable name is shown under its row and nothing is saved", async ({ page, request }) => {
  const user = await signUpAdmin(request, "envform-bad");
  const { id, headers } = await environmentFor(request, user, { label: "Strict repo" });
  await signInUi(page, user);
  await page.goto("/environments");
  await page.getByRole("listitem").filter({ hasText: "Strict repo" }).getByRole("button", { name: "Edit Strict repo" }).click();
  const drawer = page.getByRole("dialog", { name: "Edit Strict repo" });
  await drawer.getByRole("button", { name: "Add variable" }).click();
  await drawer.getByLabel("Variable 1 name", { exact: true }).fill("PATH");
  await drawer.getByLabel("Variable 1 value", { exact: true }).fill("/evil");
  await drawer.getByRole("button", { name: "Add secret" }).click();
  await drawer.getByLabel("Secret 1 name", { exact: true }).fill("TOKEN");
  await drawer.getByRole("button", { name: "Save changes" }).click();
  await expect(drawer.getByText("PATH is reserved by the sandbox; choose another name.")).toBeVisible();
  await expect(drawer.getByText("Give the secret a value.")).toBeVisible();
  expect((await (await request.get(`/api/environments/${id}`, { headers })).json()).variables).toEqual([]);
});
