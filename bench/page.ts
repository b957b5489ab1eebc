import { gzipSync } from "node:zlib";
import { type Browser, chromium, type Page } from "@playwright/test";
import type { Api } from "./lib/api";
import { seedBigTask, withDb } from "./lib/seed";
import type { BenchServer } from "./lib/server";
import { round, summarize } from "./lib/stats";

// Figure 6: first-load JavaScript of the task list (/) and a task page (/tasks/[id]): every
// script response of a cold load in Chromium, gzipped here (level 9) and summed. Then the time
// until a task page with `events` events and a `diffLines`-line diff is interactive — its last
// timeline entry rendered and the main thread free — against a task page with 4 events.

const MARKER = "All shards passed: benchmark marker.";

async function signIn(page: Page, base: string, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email address").fill(user.email);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { name: "What should we code next?" }).waitFor();
}

/** Gzipped KB of the scripts a cold load of `url` fetches. */
async function firstLoadJsKb(browser: Browser, storageState: string, url: string): Promise<number> {
  const context = await browser.newContext({ storageState: JSON.parse(storageState) });
  const page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "script") bodies.push(res.body());
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const bytes = (await Promise.all(bodies)).reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0);
  await context.close();
  return round(bytes / 1024, 1);
}

/** Cold load of a task page until `marker` shows and the main thread answers; then the Diff tab until its last file shows. */
async function interactive(browser: Browser, storageState: string, url: string, marker: string, lastFile: string | null) {
  const context = await browser.newContext({ storageState: JSON.parse(storageState) });
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(url, { waitUntil: "commit" });
  await page.getByText(marker, { exact: false }).first().waitFor({ timeout: 60_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  const pageMs = performance.now() - t0;
  let diffMs = 0;
  if (lastFile) {
    const t1 = performance.now();
    await page.getByRole("tab", { name: /Diff/ }).click();
    await page.getByText(lastFile).first().waitFor({ timeout: 60_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    diffMs = performance.now() - t1;
  }
  await context.close();
  return { pageMs, diffMs };
}

export async function benchPage(opts: { server: BenchServer; api: Api; user: { email: string; password: string }; environmentId: string; events: number; diffLines: number; rounds: number }) {
  const { big, small } = await withDb(opts.server.databaseUrl, async (client) => ({
    big: await seedBigTask(client, { environmentId: opts.environmentId, events: opts.events, diffLines: opts.diffLines, marker: MARKER }),
    small: await seedBigTask(client, { environmentId: opts.environmentId, events: 4, diffLines: 0, marker: MARKER }),
  }));
  const lastFile = `src/file-${Math.ceil(opts.diffLines / 100) - 1}.ts`;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const login = await browser.newContext();
    await signIn(await login.newPage(), opts.server.url, opts.user);
    const storageState = JSON.stringify(await login.storageState());
    await login.close();
    const listKb = await firstLoadJsKb(browser, storageState, `${opts.server.url}/`);
    const taskKb = await firstLoadJsKb(browser, storageState, `${opts.server.url}/tasks/${small}`);
    const bigRuns: { pageMs: number; diffMs: number }[] = [];
    const smallRuns: number[] = [];
    await interactive(browser, storageState, `${opts.server.url}/tasks/${small}`, MARKER, null);
    for (let i = 0; i < opts.rounds; i += 1) {
      smallRuns.push((await interactive(browser, storageState, `${opts.server.url}/tasks/${small}`, MARKER, null)).pageMs);
      bigRuns.push(await interactive(browser, storageState, `${opts.server.url}/tasks/${big}`, MARKER, lastFile));
    }
    const bigMs = summarize(bigRuns.map((r) => r.pageMs)).p50;
    const smallMs = summarize(smallRuns).p50;
    return {
      firstLoadJsKb: { list: listKb, task: taskKb },
      events: opts.events,
      diffLines: opts.diffLines,
      taskPageInteractiveMs: round(bigMs, 0),
      smallTaskPageInteractiveMs: round(smallMs, 0),
      interactiveRatio: round(bigMs / smallMs, 2),
      diffTabMs: round(summarize(bigRuns.map((r) => r.diffMs)).p50, 0),
    };
  } finally {
    await browser.close();
  }
}
