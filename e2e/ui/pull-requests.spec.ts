import { adminHeaders, expect, pickEnvironment, signInUi, signUp, test, uniqueEmail } from "../fixtures";
import { type GitHost, startGitHost } from "../fixtures/git-host";

// The journey on a remote environment: real git over smart HTTP and a GitHub test double for
// the outside service.

let host: GitHost;
test.beforeAll(async () => {
  host = await startGitHost({ token: "ghp-e2e-ui-pr-9a8b7c6d5e", repo: "acme/ui-widgets" });
});
test.afterAll(async () => host?.close());

test("remote environment → task → Create pull request (branch shown, editable) → link shown; a follow-up → Update pull request → the branch has both commits", async ({ page, request }, testInfo) => {
  test.setTimeout(180_000);
  const label = `Remote PR ${uniqueEmail("pr-ui").split("@")[0]}`;
  const env = await request.post("/api/environments", {
    headers: await adminHeaders(request),
    data: { label, repo: host.repoUrl, credential: { token: host.token }, forge: { kind: "github", apiUrl: host.forge.apiUrl }, approvalPolicy: "never" },
  });
  expect(env.status(), await env.text()).toBe(201);
  await signInUi(page, await signUp(request, "pr-ui"));
  await pickEnvironment(page, label);
  await page.getByLabel("Task prompt").fill("/scenario edit\nAdd a greeting");
  await page.getByRole("button", { name: "Start task" }).click();
  await expect(page.getByText("ready", { exact: true })).toBeVisible({ timeout: 60_000 });

  await page.getByRole("tab", { name: "Diff (1)" }).click();
  await expect(page.getByRole("button", { name: "Apply", exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Create pull request" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a pull request" });
  const branch = dialog.getByLabel("Branch");
  await expect(branch).toHaveValue(/^codex\/add-a-greeting-[a-z0-9]{8}$/);
  await expect(dialog.getByText("Pushed to the repository's host; the pull request goes into main.")).toBeVisible();
  await branch.fill("codex/greeting-from-ui");
  await page.screenshot({ path: testInfo.outputPath("create-pull-request.png"), fullPage: true });
  await dialog.getByRole("button", { name: "Push and open" }).click();
  await expect(page.getByText(/^Opened pull request #\d+\.$/)).toBeVisible({ timeout: 30_000 });
  const link = page.getByRole("link", { name: /^Pull request #\d+ \(open\)$/ });
  await expect(link).toHaveAttribute("href", new RegExp(`^${host.forge.webUrl}`));
  const first = host.run("rev-parse", "refs/heads/codex/greeting-from-ui");
  expect(host.run("show", `${first}:CODEX_DEMO.md`)).toContain("Add a greeting");

  await page.getByLabel("Follow-up").fill("Also note this");
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("tab", { name: "Timeline" }).click();
  await expect(page.getByText("Noted the follow-up in notes/follow-up-1.md.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("ready", { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Update pull request" }).click();
  await expect(page.getByText(/^Pushed the new commits to #\d+\.$/)).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath("pull-request-updated.png"), fullPage: true });
  const commits = host.run("log", "--format=%s", "main..refs/heads/codex/greeting-from-ui").split("\n");
  expect(commits).toEqual([expect.stringMatching(/^Follow-up: /), expect.stringMatching(/^Add a greeting/)]);
  expect(host.run("show", "refs/heads/codex/greeting-from-ui:notes/follow-up-1.md")).toContain("Also note this");

  await page.getByRole("link", { name: "Tasks" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Add a greeting" }).getByRole("link", { name: /^Pull request #\d+ \(open\)$/ })).toBeVisible();
});
