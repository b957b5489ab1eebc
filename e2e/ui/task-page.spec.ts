import type { Page } from "@playwright/test";
import { environmentFor, expect, signInUi, signUp, test } from "../fixtures";

// The task page (issue 17.4): the primary action in the header, the prompt once, the selected
// attempt in the URL, diff stats that follow it (then the applied one), approvals in the timeline.

const AGENT = { timeout: 45_000 };

/** The header's diff stats: the only `+a −d · n files` on the task page (the attempt tabs read `Attempt n · +a −d`). */
const headerStats = (page: Page) => page.getByText(/^\+\d+ −\d+ · \d+ files?$/);

test("best-of-2: the selected attempt is in the URL and survives a reload; the header's stats follow it, then the applied one, and so do the list's", async ({ page, request }) => {
  test.setTimeout(120_000);
  const user = await signUp(request, "task-page");
  const env = await environmentFor(request, user, { approvalPolicy: "never" });
  const created = await request.post("/api/tasks", { headers: env.headers, data: { environmentId: env.id, prompt: "/scenario edit\nTwo ways", attempts: 2 } });
  expect(created.status(), await created.text()).toBe(201);
  const taskId = ((await created.json()) as { id: string }).id;
  const summary = async () => (await (await request.get(`/api/tasks/${taskId}`, { headers: env.headers })).json()) as Record<string, unknown>;

  await signInUi(page, user);
  await page.goto(`/tasks/${taskId}?attempt=2`);
  const attempts = page.getByLabel("Attempt", { exact: true });
  await expect(attempts.getByRole("radio", { name: /Attempt 2/ })).toBeChecked();
  await expect(page.getByText("ready", { exact: true })).toBeVisible(AGENT);

  // A follow-up for attempt 2 only: it ends with two files changed, attempt 1 with one.
  await page.getByLabel("Follow-up").fill("Also keep a note");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("tabpanel", { name: "Timeline" }).getByText("Also keep a note", { exact: true })).toBeVisible(AGENT);
  await expect(page.getByText("ready", { exact: true })).toBeVisible(AGENT);
  await expect(headerStats(page)).toHaveText(/· 2 files$/, AGENT);
  // Not applied yet: the task's stats are the first attempt's that changed something.
  expect(await summary()).toMatchObject({ diffStats: { filesChanged: 1, linesAdded: 1, linesRemoved: 0 } });

  await attempts.getByText(/^Attempt 1/).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}\\?attempt=1$`));
  await expect(headerStats(page)).toHaveText("+1 −0 · 1 file");
  await page.reload();
  await expect(attempts.getByRole("radio", { name: /Attempt 1/ })).toBeChecked();
  await expect(headerStats(page)).toHaveText("+1 −0 · 1 file");

  await attempts.getByText(/^Attempt 2/).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}\\?attempt=2$`));
  await page.reload();
  await expect(attempts.getByRole("radio", { name: /Attempt 2/ })).toBeChecked();
  await expect(headerStats(page)).toHaveText(/· 2 files$/);

  // Applied from the header while the Diff tab is open.
  await page.getByRole("tab", { name: "Diff (2)" }).click();
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Apply to main" });
  await expect(dialog.getByText("The changes of attempt 2, as a new branch with one commit.")).toBeVisible();
  await expect(dialog.getByText("Applies cleanly to main.")).toBeVisible();
  await dialog.getByRole("button", { name: "Create branch" }).click();
  await expect(page.getByText(/^Branch codex\/\S+ · commit [0-9a-f]{12}$/)).toBeVisible();

  // From now on the stats are the applied attempt's, whichever attempt is on screen.
  await attempts.getByText(/^Attempt 1/).click();
  await expect(page.getByRole("tab", { name: "Diff (1)" })).toBeVisible();
  await expect(headerStats(page)).toHaveText(/· 2 files$/);
  expect(await summary()).toMatchObject({ status: "applied", deliveredAttempt: 1, diffStats: { filesChanged: 2 }, applied: { branch: expect.stringMatching(/^codex\//) } });
  await page.goto(`/tasks/${taskId}`);
  await expect(attempts.getByRole("radio", { name: /Attempt 2/ })).toBeChecked();

  await page.getByRole("link", { name: "Tasks" }).click();
  const row = page.getByRole("list", { name: "Tasks" }).getByRole("listitem").filter({ hasText: "Two ways" });
  await expect(row.getByText(/· 2 files$/)).toBeVisible();
});

test("a command waiting for approval shows as waiting, not running; approved for this session it says so; the prompt shows once", async ({ page, request }) => {
  const user = await signUp(request, "task-waiting");
  const env = await environmentFor(request, user);
  const created = await request.post("/api/tasks", { headers: env.headers, data: { environmentId: env.id, prompt: "/scenario command\nTouch a file" } });
  const taskId = ((await created.json()) as { id: string }).id;
  await signInUi(page, user);
  await page.goto(`/tasks/${taskId}`);

  const dialog = page.getByRole("dialog", { name: "Run this command?" });
  await expect(dialog.getByText("touch approved.txt")).toBeVisible(AGENT);
  const timeline = page.getByRole("tabpanel", { name: "Timeline", includeHidden: true });
  const command = timeline.locator(".ant-collapse").filter({ hasText: "touch approved.txt" });
  await expect(command.getByText("waiting for approval", { exact: true })).toBeVisible();
  await expect(command.getByText("running", { exact: true })).toHaveCount(0);

  // The prompt is in the header; the first turn does not repeat it.
  await expect(page.getByText("/scenario command Touch a file", { exact: true }).first()).toBeVisible();
  await expect(timeline.getByText("First turn", { exact: true })).toBeVisible();
  await expect(timeline.getByText(/\/scenario command/)).toHaveCount(0);

  await dialog.getByRole("button", { name: "Approve for this session" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("ready", { exact: true })).toBeVisible(AGENT);
  await expect(timeline.getByText(/^Approved for this session by you: run touch approved\.txt$/)).toBeVisible();
  await expect(command.getByText("exit 0", { exact: true })).toBeVisible();
});

test("Enter in the decline message declines with it; Shift+Enter adds a line", async ({ page, request }) => {
  const user = await signUp(request, "task-decline-enter");
  const env = await environmentFor(request, user);
  const created = await request.post("/api/tasks", { headers: env.headers, data: { environmentId: env.id, prompt: "/scenario command\nTouch a file" } });
  const taskId = ((await created.json()) as { id: string }).id;
  await signInUi(page, user);
  await page.goto(`/tasks/${taskId}`);

  const dialog = page.getByRole("dialog", { name: "Run this command?" });
  const note = dialog.getByLabel("Message for the agent");
  await expect(note).toBeVisible(AGENT);
  await note.fill("not here");
  await note.press("Shift+Enter");
  await note.pressSequentially("use the sandbox");
  await expect(note).toHaveValue("not here\nuse the sandbox");
  await expect(dialog).toBeVisible();
  await note.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText("ready", { exact: true })).toBeVisible(AGENT);
  await expect(page.getByText(/^Declined by you: run touch approved\.txt — “not here\s+use the sandbox”$/)).toBeVisible();
  await expect(page.getByText("not run", { exact: true })).toBeVisible();
});
