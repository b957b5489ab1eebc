import { expect, signInUi, signUp, signUpAdmin, test, uniqueEmail } from "../fixtures";
import { makeRepo } from "../fixtures/repo";

test("members: a member sees environments read-only and no Members section; an administrator promotes them in Settings, and then they create an environment", async ({ browser, page, request }, testInfo) => {
  const member = await signUp(request, "ui-member");
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
    await expect(memberPage.getByRole("listitem").filter({ hasText: `${repo} · main` }).getByText(label)).toBeVisible();
    await memberPage.goto("/settings");
    await expect(memberPage.getByText("Members", { exact: true })).toBeVisible();
  } finally {
    await memberContext.close();
  }
});
