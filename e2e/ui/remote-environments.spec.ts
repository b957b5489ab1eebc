import { expect, pickEnvironment, signInUi, signUpAdmin, test, uniqueEmail } from "../fixtures";
import { startGitHttpServer, type TestGitServer } from "../../server/test/git-http-server";

const TOKEN = "tok-e2e-ui-remote-71b4c0de9f";
let host: TestGitServer;

test.beforeAll(async () => {
  host = await startGitHttpServer({ token: TOKEN });
  await host.addRepo("ui-app", { main: { "README.md": "# ui\n" }, "release/2": { "r.txt": "r\n" }, "feature/search": { "s.txt": "s\n" } });
});
test.afterAll(async () => host?.close());

test("the environment form saves a remote repository with a token (shown as set, never again), git's refusal shows under the repository, and the composer offers the remote's branches", async ({ page, request }, testInfo) => {
  test.setTimeout(90_000);
  const label = `Remote ${uniqueEmail("remote-ui").split("@")[0]}`;
  await signInUi(page, await signUpAdmin(request, "remote-ui"));
  await page.goto("/environments");
  await page.getByRole("button", { name: "New environment" }).click();
  const drawer = page.getByRole("dialog", { name: "New environment" });
  await drawer.getByLabel("Name").fill(label);
  await drawer.getByLabel("Repository").fill(host.repoUrl("ui-app"));
  await expect(drawer.getByLabel("SSH private key")).toHaveCount(0);
  await drawer.getByLabel("Access token").fill("tok-not-the-right-one");
  await drawer.getByRole("button", { name: "Create environment" }).click();
  await expect(drawer.getByText(/git could not read .*ui-app\.git: .*Authentication failed/)).toBeVisible();

  await drawer.getByLabel("Access token").fill(TOKEN);
  await drawer.getByLabel("Forge", { exact: true }).click();
  await page.locator(".ant-select-item-option").filter({ hasText: "Gitea / Forgejo" }).click();
  await page.screenshot({ path: testInfo.outputPath("remote-environment-form.png"), fullPage: true });
  await drawer.getByRole("button", { name: "Create environment" }).click();
  // Saving runs git ls-remote and asks codex to load the configuration: seconds on a busy machine.
  await expect(drawer).toBeHidden({ timeout: 30_000 });
  const row = page.getByRole("listitem").filter({ hasText: label });
  await expect(row.getByText(`${host.repoUrl("ui-app")} · main`)).toBeVisible();

  await row.getByRole("button", { name: `Edit ${label}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${label}` });
  await expect(edit.getByLabel("Access token")).toHaveValue("");
  await expect(edit.getByLabel("Access token")).toHaveAttribute("placeholder", "A credential is stored — leave empty to keep it");
  await expect(edit.getByText("Gitea / Forgejo")).toBeVisible();
  await expect(edit.getByLabel("Forge API URL")).toHaveValue(`${host.url}/api/v1`);
  expect(await page.content()).not.toContain(TOKEN);
  await edit.getByRole("button", { name: "Close" }).click();

  await page.getByRole("link", { name: "Tasks" }).click();
  await pickEnvironment(page, label);
  const branch = page.getByLabel("Branch");
  await expect(branch).toHaveValue("main");
  await branch.click();
  const options = page.locator(".ant-select-dropdown:visible .ant-select-item-option");
  await expect(options).toHaveText(["feature/search", "main", "release/2"]);
  await branch.fill("rel");
  await expect(options).toHaveText(["release/2"]);
  await options.first().click();
  await expect(branch).toHaveValue("release/2");
});
