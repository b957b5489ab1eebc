import type { Page } from "@playwright/test";
import { environmentFor, expect as baseExpect, signInUi, signUp, signUpAdmin, test } from "../fixtures";

// The machine running these is shared and busy: pages may take far longer than the defaults.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const AGENT = { timeout: 60_000 };

async function pickLanguage(page: Page, menu: string, language: string, name: string): Promise<void> {
  await page.getByRole("button", { name: menu }).click();
  await page.getByRole("menuitem", { name: language }).hover();
  await page.getByRole("menuitem", { name }).click();
}

async function expectChineseHome(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { name: "接下来要写什么代码？" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "主导航" });
  for (const link of ["任务", "环境", "审计"]) await expect(nav.getByRole("link", { name: link, exact: true })).toBeVisible();
  await expect(page.getByLabel("任务描述")).toHaveAttribute("placeholder", "描述一个任务（按 Ctrl+Enter 开始）");
  await expect(page.getByRole("button", { name: "开始任务" })).toBeVisible();
  await expect(page.getByPlaceholder("搜索任务")).toBeVisible();
  const row = page.getByRole("list", { name: "任务" }).getByRole("listitem").filter({ hasText: "In Chinese" });
  await expect(row.getByText("已就绪", { exact: true })).toBeVisible();
  await expect(row.getByText("+1 −0 · 1 个文件")).toBeVisible();
  await expect(row.getByRole("button", { name: "归档“In Chinese”" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
}

test("a user switches to 简体中文 in the user menu, it sticks across reloads, and back to English", async ({ page, request, context }) => {
  const user = await signUp(request, "i18n-switch");
  const env = await environmentFor(request, user, { approvalPolicy: "never" });
  const created = await request.post("/api/tasks", { headers: env.headers, data: { environmentId: env.id, prompt: "/scenario edit\nIn Chinese" } });
  expect(created.status()).toBe(201);
  await signInUi(page, user);
  await expect(page.getByRole("list", { name: "Tasks" }).getByText("ready", { exact: true })).toBeVisible(AGENT);

  await pickLanguage(page, "User menu", "Language", "简体中文");
  await expectChineseHome(page);
  expect((await context.cookies()).find((c) => c.name === "locale")?.value).toBe("zh-CN");

  await page.reload();
  await expectChineseHome(page);
  await expect(page).toHaveTitle("任务 · Codex Cloud");

  await pickLanguage(page, "用户菜单", "语言", "English");
  await expect(page.getByRole("heading", { name: "What should we code next?" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Environments" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "What should we code next?" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Tasks" }).getByText("+1 −0 · 1 file")).toBeVisible();
  await expect(page).toHaveTitle("Tasks · Codex Cloud");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test.describe("a browser that asks for Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("gets the login and sign-up pages in Chinese, server and client errors included", async ({ page, request }) => {
    const user = await signUp(request, "i18n-login");
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "欢迎回来" })).toBeVisible();
    await expect(page).toHaveTitle("登录 · Codex Cloud");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByText("还没有账户？")).toBeVisible();
    await page.getByLabel("电子邮件地址").fill(user.email);
    await page.getByRole("button", { name: "继续" }).click();
    await page.getByLabel("密码").fill("definitely-wrong");
    await page.getByRole("button", { name: "继续" }).click();
    await expect(page.getByText("电子邮件或密码错误。")).toBeVisible();
    await page.getByRole("button", { name: "修改" }).click();
    await expect(page.getByLabel("密码")).toHaveCount(0);

    await page.goto("/login?error=AccessDenied");
    await expect(page.getByText("此服务器已关闭注册，请联系管理员为你开通账户。")).toBeVisible();
    await page.getByRole("link", { name: "注册" }).click();
    await expect(page.getByRole("heading", { name: "创建账户" })).toBeVisible();
    await expect(page).toHaveTitle("创建账户 · Codex Cloud");
  });

  test("antd's own components speak Chinese too", async ({ page, request }) => {
    // An administrator: only they see the delete buttons.
    const user = await signUpAdmin(request, "i18n-antd");
    const { label } = await environmentFor(request, user);
    await signInUi(page, user, "zh-CN");

    await page.getByLabel("环境筛选").fill("no such environment");
    await expect(page.locator(".ant-select-dropdown .ant-empty-description")).toHaveText("暂无数据");
    await page.keyboard.press("Escape");

    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "环境" }).click();
    const row = page.getByRole("list", { name: "环境" }).getByRole("listitem").filter({ hasText: label });
    await expect(row.getByText("演示模型（离线）")).toBeVisible();
    await row.getByRole("button", { name: `删除“${label}”` }).click();
    const confirm = page.locator(".ant-popconfirm").filter({ hasText: `删除“${label}”？` });
    await expect(confirm.getByRole("button", { name: "删除", exact: true })).toBeVisible();
    await confirm.getByRole("button", { name: "取消", exact: true }).click();
    await expect(confirm).toBeHidden();

    await page.getByRole("button", { name: "新建环境" }).click();
    const drawer = page.getByRole("dialog", { name: "新建环境" });
    await expect(drawer.getByLabel("审批超时（秒）")).toHaveValue("300");
    await expect(drawer.getByRole("button", { name: "关闭", exact: true })).toBeVisible();

    await page.goto("/audit");
    await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "时间" })).toBeVisible();
    const signup = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "user.create", exact: true }) });
    await expect(signup.getByRole("cell").first()).toHaveText(/^\d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}:\d{2}$/);
  });
});
