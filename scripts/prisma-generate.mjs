// Runs `prisma generate` offline. Prisma 7's CLI checks for its Rust schema-engine binary,
// which cannot be downloaded here; generation itself does not use it, so point the CLI at an
// executable stub (see shared STACK-NOTES: "Prisma 7 offline").
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const dir = path.join(tmpdir(), "codex-cloud-prisma");
mkdirSync(dir, { recursive: true });
const stub = path.join(dir, "schema-engine-stub");
writeFileSync(stub, "#!/bin/sh\nexit 1\n");
chmodSync(stub, 0o755);

const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
