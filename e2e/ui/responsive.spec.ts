import type { Page, TestInfo } from "@playwright/test";
import { environmentFor, expect as baseExpect, signInUi, signUpAdmin, test } from "../fixtures";

// The machine running these is shared and busy: pages may take far longer than the defaults.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

// Every pair of (width, colour scheme, language) is covered by one of the four runs.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };
const RUNS = [
  { name: "phone-light-en", device: PHONE, colorScheme: "light", lang: "en" },
  { name: "phone-dark-zh", device: PHONE, colorScheme: "dark", lang: "zh-CN" },
  { name: "desktop-light-zh", device: DESKTOP, colorScheme: "light", lang: "zh-CN" },
  { name: "desktop-dark-en", device: DESKTOP, colorScheme: "dark", lang: "en" },
] as const;

const TEXT = {
  en: { ready: "ready", tasks: "Tasks", environments: "Environments", settings: "Settings", audit: "Audit log", openai: "OpenAI API key" },
  "zh-CN": { ready: "已就绪", tasks: "任务", environments: "环境", settings: "设置", audit: "审计日志", openai: "OpenAI API 密钥" },
};

/** Roles a person operates; each needs a name a screen reader can say. */
const CONTROLS = new Set(["button", "link", "textbox", "searchbox", "combobox", "checkbox", "radio", "switch", "spinbutton", "slider", "tab", "menuitem"]);

interface AXNode { ignored: boolean; role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }

/** Controls in Chromium's accessibility tree, and the markup of those without a name. */
async function unnamedControls(page: Page): Promise<{ controls: number; unnamed: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: AXNode[] };
  const controls = nodes.filter((n) => !n.ignored && CONTROLS.has(n.role?.value ?? ""));
  const unnamed: string[] = [];
  for (const n of controls.filter((c) => !c.name?.value.trim())) {
    const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: n.backendDOMNodeId });
    const html = await cdp.send("Runtime.callFunctionOn", { objectId: object.objectId, functionDeclaration: "function () { return this.outerHTML.slice(0, 160); }", returnByValue: true });
    unnamed.push(`${n.role?.value}: ${html.result.value as string}`);
  }
  await cdp.detach();
  return { controls: controls.length, unnamed };
}

/** Red, green and blue of the page background, 0–255. */
async function background(page: Page): Promise<number[]> {
  const css = await page.evaluate(() => getComputedStyle(document.querySelector(".ant-layout") ?? document.body).backgroundColor);
  return css.match(/\d+/g)!.slice(0, 3).map(Number);
}

async function checkPage(page: Page, testInfo: TestInfo, run: (typeof RUNS)[number], name: string): Promise<void> {
  const size = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(size.innerWidth, `${name}: the layout viewport`).toBe(run.device.viewport.width);
  expect(size.scrollWidth, `${name}: horizontal overflow`).toBeLessThanOrEqual(size.innerWidth);
  const nav = await page.getByRole("navigation").evaluate((n) => ({ scrollWidth: n.scrollWidth, clientWidth: n.clientWidth }));
  expect(nav.scrollWidth, `${name}: navigation cut off`).toBeLessThanOrEqual(nav.clientWidth);

  const { controls, unnamed } = await unnamedControls(page);
  expect(controls, `${name}: controls found`).toBeGreaterThan(5);
  expect(unnamed, `${name}: controls without an accessible name`).toEqual([]);

  const [r, g, b] = await background(page);
  const light = (r! + g! + b!) / 3 > 128;
  expect(light, `${name}: background rgb(${r}, ${g}, ${b})`).toBe(run.colorScheme === "light");

  const path = testInfo.outputPath(`${run.name}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(`${run.name}-${name}`, { path, contentType: "image/png" });
}

for (const run of RUNS) {
  test.describe(run.name, () => {
    test.use({ ...run.device, colorScheme: run.colorScheme, locale: run.lang });

    test(`no horizontal overflow, every control named, ${run.colorScheme} theme: home, task, environments, settings, audit`, async ({ page, request }, testInfo) => {
      const text = TEXT[run.lang];
      // An administrator: the environments page then has its edit and delete buttons to check.
      const user = await signUpAdmin(request, `responsive-${run.name}`);
      const env = await environmentFor(request, user, { approvalPolicy: "never" });
      const created = await request.post("/api/tasks", { headers: env.headers, data: { environmentId: env.id, prompt: "/scenario edit\nA task with a fairly long title to see how rows wrap on a phone" } });
      expect(created.status()).toBe(201);
      const task = (await created.json()) as { id: string };
      await signInUi(page, user, run.lang);

      await expect(page.getByRole("list", { name: text.tasks }).getByText(text.ready, { exact: true })).toBeVisible({ timeout: 60_000 });
      await checkPage(page, testInfo, run, "home");

      await page.goto(`/tasks/${task.id}`);
      await expect(page.getByText(text.ready, { exact: true })).toBeVisible();
      await expect(page.getByRole("tab").first()).toBeVisible();
      await checkPage(page, testInfo, run, "task");

      await page.goto("/environments");
      await expect(page.getByRole("heading", { name: text.environments, exact: true })).toBeVisible();
      await expect(page.getByRole("list", { name: text.environments }).getByText(env.label, { exact: true })).toBeVisible();
      await checkPage(page, testInfo, run, "environments");

      await page.goto("/settings");
      await expect(page.getByRole("heading", { name: text.settings, exact: true })).toBeVisible();
      await expect(page.getByLabel(text.openai)).toBeVisible();
      await checkPage(page, testInfo, run, "settings");

      await page.goto("/audit");
      await expect(page.getByRole("heading", { name: text.audit, exact: true })).toBeVisible();
      await expect(page.getByRole("cell", { name: "task.create", exact: true })).toBeVisible();
      await checkPage(page, testInfo, run, "audit");
    });
  });
}
