import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// `next build` when there is no production build or a source of it changed since.

const SOURCES = ["app", "components", "lib", "server", "prisma", "proxy.ts", "next.config.ts", "package-lock.json"];

/** Files that never reach the build: tests and docs. */
const IGNORED = /\.test\.tsx?$|\.md$/;

function newestMtime(entry: string): number {
  if (!existsSync(entry) || IGNORED.test(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

export function ensureBuild(root: string, log: (line: string) => void): void {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (built > changed) return;
  log(built ? "The production build is older than its sources: running `next build`." : "No production build: running `next build`.");
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const result = spawnSync(process.execPath, [next, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}
