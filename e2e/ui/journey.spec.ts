import { expect, pickEnvironment, signInUi, signUpAdmin, test, uniqueEmail } from "../fixtures";
import { gitIn, makeRepo } from "../fixtures/repo";

test("create an environment, launch a task, approve its edit, review the diff, apply it as a branch, push it to the repository's origin", async ({ page, request }, testInfo) => {
  // An environment form, a task with an approval, the apply dialog, a push and a reload: past
  // 60 s on a busy 2-core machine.
  test.setTimeout(120_000);
  const repo = makeRepo();
  const origin = `${repo}-origin.git`;
  gitIn(repo, "init", "--quiet", "--bare", origin);
  gitIn(repo, "remote", "add", "origin", origin);
  // An administrator (only they create environments), on a server whose environments every
  // test shares: the composer is pointed at this one by its unique name.
  const label = `Demo ${uniqueEmail("journey").split("@")[0]}`;
  await signInUi(page, await signUpAdmin(request, "journey"));

  await page.getByRole("link", { name: "Environments" }).click();
  await page.getByRole("button", { name: "New environment" }).click();
  await page.getByLabel("Name").fill(label);
  await page.getByLabel("Repository").fill(repo);
  await page.getByRole("button", { name: "Create environment" }).click();
  const row = page.getByRole("listitem").filter({ hasText: `${repo} · main` });
  await expect(row).toBeVisible();
  await expect(row.getByText("Demo model (offline)")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("environments.png"), fullPage: true });

  await page.getByRole("link", { name: "Tasks" }).click();
  await pickEnvironment(page, label);
  await page.getByLabel("Task prompt").fill("/scenario edit\nAdd a greeting");
  await page.getByRole("button", { name: "Start task" }).click();
  await expect(page).toHaveURL(/\/tasks\//);

  const dialog = page.getByRole("dialog", { name: "Apply these file changes?" });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText("+Add a greeting")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("approval.png"), fullPage: true });
  await dialog.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("ready", { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath("task.png"), fullPage: true });

  // Apply is the header's primary action, there on the Timeline tab and on the Diff tab; the
  // Diff tab keeps only download and copy.
  const apply = page.getByRole("button", { name: "Apply", exact: true });
  await expect(apply).toBeVisible();
  await page.getByRole("tab", { name: "Diff (1)" }).click();
  const diffPanel = page.getByRole("tabpanel", { name: "Diff (1)" });
  await expect(diffPanel.getByRole("button", { name: /CODEX_DEMO\.md added \+1 −0/ })).toBeVisible();
  await expect(diffPanel.getByText("+Add a greeting")).toBeVisible();
  await expect(diffPanel.getByRole("link", { name: "Download patch" })).toBeVisible();
  await expect(diffPanel.getByRole("button", { name: "Copy git apply command" })).toBeVisible();
  await expect(diffPanel.getByRole("button", { name: "Apply", exact: true })).toHaveCount(0);
  await apply.click();
  const applyDialog = page.getByRole("dialog", { name: "Apply to main" });
  await expect(applyDialog.getByText("Applies cleanly to main.")).toBeVisible();
  await applyDialog.getByRole("button", { name: "Create branch" }).click();
  await expect(applyDialog).toBeHidden();
  const applied = page.getByText(/^Branch codex\/\S+ · commit [0-9a-f]{12}$/);
  await expect(applied).toBeVisible();
  await expect(apply).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("applied.png"), fullPage: true });
  const branch = (await applied.textContent())!.match(/Branch (\S+)/)![1]!;
  expect(gitIn(repo, "show", `${branch}:CODEX_DEMO.md`)).toContain("Add a greeting");
  await page.getByRole("tab", { name: "Timeline" }).click();
  await expect(applied).toBeVisible();
  await page.getByRole("button", { name: `Push to ${origin}` }).click();
  await expect(page.getByText(`Pushed ${branch} to ${origin}.`)).toBeVisible();
  expect(gitIn(origin, "rev-parse", branch).trim()).toBe(gitIn(repo, "rev-parse", branch).trim());
  await page.reload();
  await expect(applied).toBeVisible();

  await page.getByRole("link", { name: "Tasks" }).click();
  await expect(page.getByRole("link", { name: "Add a greeting" })).toBeVisible();
  await expect(page.getByText("applied", { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("tasks.png"), fullPage: true });
});

test("decline a command in the dialog with a message; the agent says it did not run", async ({ page, request }) => {
  const user = await signUpAdmin(request, "decline");
  const token = (await (await request.post("/api/tokens", { data: { name: "t", ...user } })).json()).token;
  const label = `Repo ${uniqueEmail("decline").split("@")[0]}`;
  await request.post("/api/environments", { headers: { authorization: `Bearer ${token}` }, data: { label, repo: makeRepo() } });
  await signInUi(page, user);
  await pickEnvironment(page, label);
  await page.getByLabel("Task prompt").fill("/scenario command\nTouch a file");
  await page.getByRole("button", { name: "Start task" }).click();
  const dialog = page.getByRole("dialog", { name: "Run this command?" });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText(/touch approved.txt/)).toBeVisible();
  await dialog.getByLabel("Message for the agent").fill("not in this repo");
  await dialog.getByRole("button", { name: "Decline" }).click();
  await expect(page.getByText("ready", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/did not run/i).first()).toBeVisible();
});

test("an approval that arrives while on the task list shows in the header badge and leads to its task", async ({ page, request }) => {
  const user = await signUpAdmin(request, "badge");
  const token = (await (await request.post("/api/tokens", { data: { name: "t", ...user } })).json()).token;
  const headers = { authorization: `Bearer ${token}` };
  const env = await (await request.post("/api/environments", { headers, data: { label: "Repo", repo: makeRepo() } })).json();
  await signInUi(page, user);
  await expect(page.getByRole("button", { name: "Pending approvals: 0" })).toBeVisible();

  const task = await (await request.post("/api/tasks", { headers, data: { environmentId: env.id, prompt: "/scenario command\nFrom a script" } })).json();
  await expect(page.getByRole("button", { name: "Pending approvals: 1" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("link", { name: "From a script" })).toBeVisible();
  await expect(page).toHaveTitle(/^\(1\) /);
  await page.getByRole("button", { name: "Pending approvals: 1" }).click();
  const drawer = page.getByRole("dialog", { name: "Waiting for your approval" });
  await expect(drawer.getByText("touch approved.txt", { exact: true })).toBeVisible();
  await drawer.getByRole("link", { name: "From a script" }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${task.id}$`));
  await page.getByRole("dialog", { name: "Run this command?" }).getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByRole("button", { name: "Pending approvals: 0" })).toBeVisible();

  // Answered from the drawer itself, without opening the task.
  const second = await (await request.post("/api/tasks", { headers, data: { environmentId: env.id, prompt: "/scenario command\nFrom the drawer" } })).json();
  await page.goto("/");
  await page.getByRole("button", { name: "Pending approvals: 1" }).click({ timeout: 30_000 });
  const entry = drawer.getByRole("listitem").filter({ hasText: "From the drawer" });
  await expect(entry.getByText("touch approved.txt", { exact: true })).toBeVisible();
  await entry.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("button", { name: "Pending approvals: 0" })).toBeVisible();
  await expect.poll(async () => (await (await request.get(`/api/tasks/${second.id}`, { headers })).json()).status, { timeout: 30_000 }).toBe("ready");
  const approvals = (await (await request.get("/api/approvals", { headers })).json()).items as Array<{ taskId: string; status: string; taskTitle: string }>;
  expect(approvals.find((a) => a.taskId === second.id)).toMatchObject({ status: "accepted", taskTitle: "From the drawer" });
});

test("best-of-3 with attempt switching, follow-ups on one attempt and on all, statistics, and Stop", async ({ page, request }) => {
  const user = await signUpAdmin(request, "bestof");
  const token = (await (await request.post("/api/tokens", { data: { name: "t", ...user } })).json()).token;
  const label = `Repo ${uniqueEmail("bestof").split("@")[0]}`;
  await request.post("/api/environments", { headers: { authorization: `Bearer ${token}` }, data: { label, repo: makeRepo(), approvalPolicy: "never" } });
  await signInUi(page, user);
  await pickEnvironment(page, label);
  await page.getByLabel("Task prompt").fill("/scenario edit\nThree ways");
  await page.getByLabel("Attempts").fill("3");
  await page.getByRole("button", { name: "Start task" }).click();
  await expect(page.getByText("ready", { exact: true })).toBeVisible({ timeout: 60_000 });

  const attempts = page.getByLabel("Attempt", { exact: true });
  // The timeline's, not the follow-up box's: the box keeps its text until the send returns.
  const timeline = page.getByRole("tabpanel", { name: "Timeline" });
  for (const n of [1, 2, 3]) await expect(attempts.getByText(new RegExp(`^Attempt ${n} · \\+1 −0$`))).toBeVisible();
  await attempts.getByText(/^Attempt 3/).click();
  await page.getByLabel("Follow-up").fill("/scenario edit\nOnly the third");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(timeline.getByText("/scenario edit Only the third")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("ready", { exact: true })).toBeVisible({ timeout: 60_000 });
  await attempts.getByText(/^Attempt 1/).click();
  await expect(timeline.getByText("/scenario edit Only the third")).toHaveCount(0);
  const stats = page.getByRole("group", { name: "Attempt statistics" });
  await expect(stats).toContainText(/Worked \d+ s/);
  await expect(stats).toContainText(/[\d,]+ tokens/);

  await page.getByText("All attempts", { exact: true }).click();
  await page.getByLabel("Follow-up").fill("/scenario edit\nEvery attempt");
  await page.getByRole("button", { name: "Send" }).click();
  for (const n of [1, 2, 3]) {
    await attempts.getByText(new RegExp(`^Attempt ${n}`)).click();
    await expect(timeline.getByText("/scenario edit Every attempt")).toBeVisible({ timeout: 60_000 });
  }
  await expect(page.getByText("ready", { exact: true })).toBeVisible({ timeout: 60_000 });
  await page.getByText("This attempt", { exact: true }).click();

  await page.getByLabel("Follow-up").fill("/scenario slow\nA long one");
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByText("interrupted", { exact: true })).toBeVisible({ timeout: 30_000 });
});
