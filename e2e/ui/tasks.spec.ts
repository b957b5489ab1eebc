import type { Page } from "@playwright/test";
import { environmentFor, expect, pickEnvironment, signInUi, signUp, signUpAdmin, test, tokenFor, uniqueEmail } from "../fixtures";
import { makeRepo } from "../fixtures/repo";

const AGENT = { timeout: 45_000 };

async function startTask(page: Page, prompt: string): Promise<void> {
  await page.getByLabel("Task prompt").fill(prompt);
  await page.getByRole("button", { name: "Start task" }).click();
  await expect(page).toHaveURL(/\/tasks\/\w+$/);
}

test("environment errors show inline; an edit task approved with the keyboard; diff, filters and archive", async ({ page, request }, testInfo) => {
  // Two environment forms, a task, its diff and the list filters: past 60 s on a busy 2-core machine.
  test.setTimeout(120_000);
  const repo = makeRepo();
  const [label, renamed] = ["Demo", "Greeter"].map((name) => `${name} ${uniqueEmail("tasks-ui").split("@")[0]}`) as [string, string];
  await signInUi(page, await signUpAdmin(request, "tasks-ui"));
  await page.getByRole("link", { name: "Environments" }).click();

  await page.getByRole("button", { name: "New environment" }).click();
  await page.getByRole("button", { name: "Create environment" }).click();
  await expect(page.getByText("Give the environment a name.")).toBeVisible();
  await page.getByLabel("Name").fill(label);
  await page.getByLabel("Repository").fill(`${repo}-missing`);
  await page.getByRole("button", { name: "Create environment" }).click();
  await expect(page.getByText(`No folder at ${repo}-missing.`)).toBeVisible();
  await page.getByLabel("Repository").fill(repo);
  await page.getByRole("button", { name: "Create environment" }).click();
  const row = page.getByRole("listitem").filter({ hasText: `${repo} · main` });
  await expect(row.getByText("Demo model (offline)")).toBeVisible();

  await row.getByRole("button", { name: `Edit ${label}` }).click();
  await page.getByLabel("Name").fill(renamed);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: renamed })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("environments.png"), fullPage: true });

  await page.getByRole("link", { name: "Tasks" }).click();
  await pickEnvironment(page, renamed);
  await expect(page.getByLabel("Branch")).toHaveValue("main");
  await startTask(page, "/scenario edit\nAdd a greeting");
  const dialog = page.getByRole("dialog", { name: "Apply these file changes?" });
  await expect(dialog.getByText("+Add a greeting")).toBeVisible(AGENT);
  await expect(dialog.getByLabel("Time left")).toHaveText(/^[45]:\d\d$/);
  await page.screenshot({ path: testInfo.outputPath("approval.png"), fullPage: true });
  await page.keyboard.press("y");
  await expect(dialog).toBeHidden();
  await expect(page.getByText("ready", { exact: true })).toBeVisible(AGENT);
  await expect(page.getByText(/Approved by you: change/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("task.png"), fullPage: true });

  await page.getByRole("tab", { name: "Diff (1)" }).click();
  const diff = page.getByRole("tabpanel", { name: "Diff (1)" });
  await expect(diff.getByRole("button", { name: /CODEX_DEMO\.md added \+1 −0/ })).toBeVisible();
  await expect(diff.getByText("+Add a greeting")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("diff.png"), fullPage: true });

  await page.getByRole("link", { name: "Tasks" }).click();
  const tasks = page.getByRole("list", { name: "Tasks" });
  await expect(tasks.getByRole("link", { name: "Add a greeting" })).toBeVisible();
  await expect(tasks.getByText("+1 −0 · 1 file")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("tasks.png"), fullPage: true });
  await page.getByLabel("Status filter").click();
  await page.getByTitle("error", { exact: true }).click();
  await expect(page.getByText("No tasks yet.")).toBeVisible();
  await page.getByLabel("Status filter").click();
  await page.getByTitle("ready", { exact: true }).click();
  await expect(tasks.getByRole("link", { name: "Add a greeting" })).toBeVisible();

  await tasks.getByRole("button", { name: "Archive Add a greeting" }).click();
  await expect(page.getByText("No tasks yet.")).toBeVisible();
  await page.getByLabel("Show archived").click();
  await tasks.getByRole("button", { name: "Restore Add a greeting" }).click();
  await expect(page.getByText("No archived tasks.")).toBeVisible();
});

test("a command declined with Esc and a message: the timeline says so and the agent did not run it", async ({ page, request }) => {
  const user = await signUp(request, "tasks-decline");
  const { label } = await environmentFor(request, user);
  await signInUi(page, user);
  await pickEnvironment(page, label);
  await startTask(page, "/scenario command\nTouch a file");
  const dialog = page.getByRole("dialog", { name: "Run this command?" });
  await expect(dialog.getByText("touch approved.txt")).toBeVisible(AGENT);
  await dialog.getByLabel("Message for the agent").fill("not today");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByText("ready", { exact: true })).toBeVisible(AGENT);
  await expect(page.getByText(/Declined by you: run touch approved\.txt — “not today”/)).toBeVisible();
  await expect(page.getByText("not run", { exact: true })).toBeVisible();
  await expect(page.getByText(/did not run/i)).toBeVisible();
});

test("a task started by a script shows up in the open list and turns ready there, live", async ({ page, request }) => {
  const user = await signUp(request, "tasks-live");
  const env = await environmentFor(request, user, { approvalPolicy: "never" });
  await signInUi(page, user);
  await expect(page.getByText("No tasks yet.")).toBeVisible();
  const res = await request.post("/api/tasks", { headers: env.headers, data: { environmentId: env.id, prompt: "/scenario edit\nFrom a script" } });
  expect(res.status()).toBe(201);
  const row = page.getByRole("list", { name: "Tasks" }).getByRole("listitem").filter({ hasText: "From a script" });
  await expect(row.getByText("ready", { exact: true })).toBeVisible(AGENT);
  await expect(row.getByText("+1 −0 · 1 file")).toBeVisible();
});

test("reloading a running task replays its history once and keeps following it", async ({ page, request }) => {
  const user = await signUp(request, "tasks-reload");
  const { label } = await environmentFor(request, user, { approvalPolicy: "never" });
  await signInUi(page, user);
  await pickEnvironment(page, label);
  await startTask(page, "/scenario slow\nTake your time");
  await expect(page.getByText("Let me look at the repository first.")).toBeVisible(AGENT);
  await page.reload();
  await expect(page.getByText("ready", { exact: true })).toBeVisible(AGENT);
  await expect(page.getByText("Let me look at the repository first.")).toHaveCount(1);
  await expect(page.getByText(/^Summary of the demo run/)).toHaveCount(1);
});

test("while a turn runs, the follow-up box adds to it: the words show in the timeline and the agent's reply quotes them", async ({ page, request }) => {
  const user = await signUpAdmin(request, "steer-ui");
  const headers = { authorization: `Bearer ${await tokenFor(request, user)}` };
  const label = `Steer ${uniqueEmail("steer").split("@")[0]}`;
  expect((await request.post("/api/environments", { headers, data: { label, repo: makeRepo(), approvalPolicy: "never" } })).status()).toBe(201);
  await signInUi(page, user);
  await pickEnvironment(page, label);
  await page.getByLabel("Task prompt").fill("/scenario slow\nTake your time");
  await page.getByRole("button", { name: "Start task" }).click();
  await expect(page.getByText("running", { exact: true })).toBeVisible({ timeout: 30_000 });
  const box = page.getByLabel("Follow-up");
  await expect(box).toHaveAttribute("placeholder", /^Add to the running turn/);
  // The turn has begun once the agent's first words show.
  await expect(page.getByText("Let me look at the repository first.")).toBeVisible({ timeout: 30_000 });
  await box.fill("Mind the tests too");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Added to the running turn.")).toBeVisible();
  await expect(page.getByText("ready", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('You added while I worked: "Mind the tests too".')).toBeVisible();
  await expect(page.getByText("Mind the tests too", { exact: true })).toBeVisible();

  // Usage outlives the page: the list and the environment show the tokens the task used.
  await page.getByRole("link", { name: "Tasks" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Take your time" }).getByText(/ · [\d,]+ tokens$/)).toBeVisible();
  await page.getByRole("link", { name: "Environments" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: label }).getByText(/ · [\d,]+ tokens used$/)).toBeVisible();
});
