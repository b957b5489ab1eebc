import { expect, setRole, signInUi, signUp, signUpAdmin, test, uniqueEmail } from "../fixtures";
import { makeRepo } from "../fixtures/repo";

test("members: a member sees environments read-only and no Members section; an administrator promotes them in Settings, and then they create an environment", async ({ browser, page, request }, testInfo) => {
  test.setTimeout(120_000);
  const member = await signUp(request, "ui-member");
  // On a fresh server the first account is an administrator: this one must start as a member.
  await setRole(member.email, "member");
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  try {
    await signInUi(memberPage, member);
    await memberPage.goto("/environments");
    await expect(memberPage.getByText("only administrators create, change or delete them")).toBeVisible();
    await expect(memberPage.getByRole("button", { name: "New environment" })).toHaveCount(0);
    await expect(memberPage.getByRole("button", { name: /^(Edit|Delete) / })).toHaveCount(0);
    await memberPage.goto("/settings");
    await expect(memberPage.getByRole("heading", { name: "Settings" })).toBeVisible();
    await expect(memberPage.getByText("Personal access tokens")).toBeVisible();
    await expect(memberPage.getByText("Members", { exact: true })).toHaveCount(0);

    await signInUi(page, await signUpAdmin(request, "ui-admin"));
    await page.getByRole("button", { name: "User menu" }).click();
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByText("Members", { exact: true })).toBeVisible();
    const role = page.getByLabel(`Role of ${member.email}`);
    await expect(page.getByRole("row").filter({ hasText: member.email }).getByTitle("Member", { exact: true })).toBeVisible();
    await role.click();
    await page.locator(".ant-select-dropdown:visible").getByTitle("Administrator", { exact: true }).click();
    await expect(page.getByText(`${member.email} is now Administrator.`)).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: member.email }).getByTitle("Administrator", { exact: true })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("members.png"), fullPage: true });

    const label = `Promoted ${uniqueEmail("ui-member").split("@")[0]}`;
    const repo = makeRepo();
    await memberPage.goto("/environments");
    await expect(memberPage.getByText("only administrators create, change or delete them")).toHaveCount(0);
    await memberPage.getByRole("button", { name: "New environment" }).click();
    await memberPage.getByLabel("Name").fill(label);
    await memberPage.getByLabel("Repository").fill(repo);
    await memberPage.getByRole("button", { name: "Create environment" }).click();
    // Saving asks codex whether it can load the environment's configuration: seconds on a busy machine.
    await expect(memberPage.getByRole("listitem").filter({ hasText: `${repo} · main` }).getByText(label)).toBeVisible({ timeout: 30_000 });
    await memberPage.goto("/settings");
    await expect(memberPage.getByText("Members", { exact: true })).toBeVisible();
  } finally {
    await memberContext.close();
  }
});

test("members: an administrator disables a member in Settings (after confirming); the member's open page loses its session and sign-in says the account is disabled; enabling lets them in", async ({ browser, page, request }) => {
  test.setTimeout(120_000);
  const member = await signUp(request, "ui-disabled");
  // On a fresh server the first account is an administrator, and administrators cannot be disabled.
  await setRole(member.email, "member");
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  try {
    await signInUi(memberPage, member);
    await signInUi(page, await signUpAdmin(request, "ui-disabler"));
    await page.goto("/settings");
    const row = page.getByRole("row").filter({ hasText: member.email });
    await expect(row.getByText("Active", { exact: true })).toBeVisible();
    await row.getByRole("button", { name: `Disable ${member.email}` }).click();
    await page.getByRole("tooltip").getByRole("button", { name: "Disable" }).click();
    await expect(page.getByText(`${member.email} is disabled.`)).toBeVisible();
    await expect(row.getByText("Disabled", { exact: true })).toBeVisible();

    await memberPage.reload();
    await expect(memberPage).toHaveURL(/\/login/);
    await memberPage.getByLabel("Email address").fill(member.email);
    await memberPage.getByRole("button", { name: "Continue" }).click();
    await memberPage.getByLabel("Password").fill(member.password);
    await memberPage.getByRole("button", { name: "Continue" }).click();
    await expect(memberPage.getByText("This account is disabled. Ask an administrator to enable it.")).toBeVisible({ timeout: 30_000 });

    await row.getByRole("button", { name: `Enable ${member.email}` }).click();
    await expect(page.getByText(`${member.email} can sign in again.`)).toBeVisible();
    await signInUi(memberPage, member);
  } finally {
    await memberContext.close();
  }
});
