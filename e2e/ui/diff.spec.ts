import { expect, signInUi, signUpAdmin, test, tokenFor } from "../fixtures";
import { makeRepo } from "../fixtures/repo";

const AGENT = { timeout: 45_000 };

// The setup script changes the workspace before the agent starts, so the attempt's diff holds
// a modified TypeScript file, a 3,000-line new file in a nested folder and a Markdown file,
// besides the file the agent writes.
const SETUP = [
  "mkdir -p src/util docs",
  "sed -i 's/return a + b;/return a + b + 0;/' app.ts",
  "awk 'BEGIN { for (i = 1; i <= 3000; i++) printf \"export const line%d = %d;\\n\", i, i }' > src/util/big.ts",
  "printf '# Notes\\n\\nWritten by setup.\\n' > docs/notes.md",
].join("\n");

const APP_TS = ["// Adds two numbers.", "export function add(a: number, b: number): number {", "  return a + b;", "}", ""].join("\n");

test("diff review: file tree, unified and split views, highlighting, a large file folded then windowed", async ({ page, request }, testInfo) => {
  const user = await signUpAdmin(request, "diff");
  const headers = { authorization: `Bearer ${await tokenFor(request, user)}` };
  const repo = makeRepo({ "README.md": "# Repo\n", "app.ts": APP_TS });
  const env = await request.post("/api/environments", { headers, data: { label: "Diff repo", repo, setupScript: SETUP, approvalPolicy: "never" } });
  expect(env.status(), await env.text()).toBe(201);
  const task = await request.post("/api/tasks", { headers, data: { environmentId: (await env.json()).id, prompt: "/scenario edit\nReview me" } });
  const taskId = (await task.json()).id as string;

  await signInUi(page, user);
  await page.goto(`/tasks/${taskId}`);
  await expect(page.getByText("ready", { exact: true })).toBeVisible(AGENT);
  await page.getByRole("tab", { name: "Diff (4)" }).click();
  const panel = page.getByRole("tabpanel", { name: "Diff (4)" });

  const tree = panel.getByRole("navigation", { name: "Changed files" });
  await expect(tree.getByText("src/util", { exact: true })).toBeVisible();
  await expect(tree.getByText("big.ts", { exact: true })).toBeVisible();

  const app = panel.getByRole("region", { name: "app.ts", exact: true });
  await expect(app.getByRole("button", { name: "app.ts modified +1 −1" })).toHaveAttribute("aria-expanded", "true");
  await expect(app.locator(".diff-row.diff-add")).toHaveText(/return a \+ b \+ 0;/);
  await expect(app.locator(".diff-row.diff-del")).toHaveText(/return a \+ b;/);
  await expect(app.locator(".diff-row.diff-add .hljs-keyword")).toHaveText("return");
  await expect(app.locator(".hljs-comment")).toHaveText("// Adds two numbers.");

  const big = panel.getByRole("region", { name: "src/util/big.ts" });
  await expect(big.getByText("Large diff (3,000 lines), hidden to keep the page fast.")).toBeVisible();
  await big.getByRole("button", { name: "Show diff" }).click();
  const bigRows = big.locator(".diff-row");
  await expect(bigRows.first()).toBeVisible();
  expect(await bigRows.count()).toBeLessThan(400);
  const box = (await big.locator(".diff-body").boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(3001 * 20);
  await page.mouse.wheel(0, box.y + box.height);
  await expect(big.getByText("export const line3000 = 3000;")).toBeVisible();
  expect(await bigRows.count()).toBeLessThan(400);

  await tree.getByText("notes.md", { exact: true }).click();
  await expect(panel.getByRole("region", { name: "docs/notes.md" }).getByText("Written by setup.")).toBeInViewport();

  await panel.getByText("Split", { exact: true }).click();
  const pair = app.locator(".diff-pair").filter({ hasText: "return a + b + 0;" });
  await expect(pair.locator(".diff-cell").first()).toHaveText(/return a \+ b;/);
  await expect(pair.locator(".diff-cell").last()).toHaveText(/return a \+ b \+ 0;/);
  await page.screenshot({ path: testInfo.outputPath("diff-split.png"), fullPage: false });

  await page.reload();
  await page.getByRole("tab", { name: "Diff (4)" }).click();
  await expect(panel.getByRole("radio", { name: "Split" })).toBeChecked();
  await panel.getByRole("button", { name: "Collapse all" }).click();
  await expect(panel.locator(".diff-row")).toHaveCount(0);
  await panel.getByRole("button", { name: "Expand all" }).click();
  await expect(app.locator(".diff-pair").first()).toBeVisible();
});
