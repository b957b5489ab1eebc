import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../test/db";
import { adminQuery, createDatabase, dropDatabase, withDatabase } from "./admin";
import { migrateDeploy } from "./migrate";

const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const name = `codex_roles_${randomBytes(5).toString("hex")}`;
const url = () => withDatabase(testDatabaseUrl(), name);
beforeAll(() => createDatabase({ url: testDatabaseUrl(), name }));
afterAll(() => dropDatabase({ url: testDatabaseUrl(), name }));

describe("the roles migration", () => {
  it("turns existing 'user' rows into members, keeps admins, and makes 'member' the default", async () => {
    const all = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    const roles = all.findIndex((n) => n.endsWith("_roles"));
    expect(roles).toBeGreaterThan(0);
    const before = await mkdtemp(path.join(os.tmpdir(), "migrations-before-roles-"));
    try {
      for (const dir of all.slice(0, roles)) await cp(path.join(MIGRATIONS_DIR, dir), path.join(before, dir), { recursive: true });
      await migrateDeploy({ url: url(), migrationsDir: before });
    } finally {
      await rm(before, { recursive: true, force: true });
    }
    await adminQuery({ url: url(), sql: `INSERT INTO "User" (id, email, role, "updatedAt") VALUES ('a', 'a@x.test', 'admin', now()), ('u', 'u@x.test', 'user', now())` });
    await migrateDeploy({ url: url() });
    const rows = (await adminQuery({ url: url(), sql: `SELECT id, role::text AS role FROM "User" ORDER BY id` })).rows;
    expect(rows).toEqual([{ id: "a", role: "admin" }, { id: "u", role: "member" }]);
    await adminQuery({ url: url(), sql: `INSERT INTO "User" (id, email, "updatedAt") VALUES ('n', 'n@x.test', now())` });
    expect((await adminQuery({ url: url(), sql: `SELECT role::text AS role FROM "User" WHERE id = 'n'` })).rows).toEqual([{ role: "member" }]);
  });
});
