import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{lib,server,components,scripts,prisma}/**/*.test.ts"],
    environment: "node",
    // Services run as on a loopback server (no first-run setup token; e2e/api/first-run.spec.ts covers it).
    env: { HOST: "127.0.0.1" },
    globalSetup: ["server/test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
