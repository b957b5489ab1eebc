import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Real Chromium (Debian's), real server (started below on a fresh database), no retries.
const port = Number(process.env.E2E_PORT ?? 3137);
export const baseURL = `http://127.0.0.1:${port}`;
const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  testDir: ".",
  // Runs once the web server below is up.
  globalSetup: "./global-setup.ts",
  outputDir: path.join(root, "test-results"),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  // A page render on 2 cores shared with running app-servers can take several seconds.
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: path.join(root, "playwright-report") }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  projects: [
    { name: "api", testMatch: /api\/.*\.spec\.ts/ },
    { name: "ui", testMatch: /ui\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: {
    command: "node --import tsx e2e/server.ts",
    cwd: root,
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: { E2E_PORT: String(port) },
  },
});
