import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma, testDatabaseUrl } from "../test/db";
import { adminQuery, createDatabase, dropDatabase, withDatabase } from "./admin";
import { migrateCreate, migrateDeploy, migrateStatus, migrationTimestamp } from "./migrate";
import { loadSchemaEngine } from "./schema-engine";

const MIGRATIONS_DIR = path.resolve("prisma/migrations");

/** A new empty database on the test server, dropped after the file's tests. */
function scratchDatabase(): { url: () => string } {
  const name = `codex_migrate_${randomBytes(5).toString("hex")}`;
  beforeAll(() => createDatabase({ url: testDatabaseUrl(), name }));
  afterAll(() => dropDatabase({ url: testDatabaseUrl(), name }));
  return { url: () => withDatabase(testDatabaseUrl(), name) };
}

async function query(url: string, sql: string): Promise<Array<Record<string, unknown>>> {
  return (await adminQuery({ url, sql })).rows as Array<Record<string, unknown>>;
}

async function shadowDatabases(): Promise<unknown[]> {
  const rows = await query(testDatabaseUrl(), "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'");
  return rows.map((row) => row.datname);
}

describe("the schema engine", () => {
  it("runs the .wasm shipped with the prisma CLI", async () => {
    const { glue, wasmPath } = await loadSchemaEngine();
    expect(wasmPath).toBe(path.resolve("node_modules/prisma/build/schema_engine_bg.wasm"));
    expect(glue.version()).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe("migrateDeploy on an empty database", () => {
  const db = scratchDatabase();

  it("applies every migration on disk and records it in _prisma_migrations", async () => {
    const onDisk = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(onDisk.length).toBeGreaterThan(0);

    expect(await migrateDeploy({ url: db.url() })).toEqual(onDisk);

    const rows = await query(
      db.url(),
      "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((row) => row.migration_name)).toEqual(onDisk);
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, String(row.migration_name), "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("applies nothing the second time and reports the database up to date", async () => {
    expect(await migrateDeploy({ url: db.url() })).toEqual([]);
    expect(await migrateStatus({ url: db.url() })).toEqual({
      hasMigrationsTable: true,
      unapplied: [],
      unknownToDisk: [],
      failed: [],
      edited: [],
    });
  });

  it("creates the schema's tables, usable through the generated client", async () => {
    const prisma = createTestPrisma({ url: db.url() });
    try {
      expect(await prisma.user.count()).toBe(0);
      const tables = await prisma.$queryRaw<Array<{ table_name: string }>>`
        SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`;
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["User", "_prisma_migrations"]));
    } finally {
      await prisma.$disconnect();
    }
  });
});

describe("migrateCreate", () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "codex-migrate-test-"));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("returns null and writes nothing when prisma/migrations matches prisma/schema.prisma", async () => {
    const before = await readdir(MIGRATIONS_DIR);
    expect(await migrateCreate("noop", { url: testDatabaseUrl() })).toBeNull();
    expect(await readdir(MIGRATIONS_DIR)).toEqual(before);
    expect(await shadowDatabases()).toEqual([]);
  });

  it("writes a migration for each schema change, which migrateDeploy applies", async () => {
    const schemaPath = path.join(work, "schema.prisma");
    const migrationsDir = path.join(work, "migrations");
    const opts = { url: testDatabaseUrl(), schemaPath, migrationsDir };
    const model = (extra: string) =>
      `datasource db {\n  provider = "postgresql"\n}\n\nmodel Note {\n  id   Int    @id @default(autoincrement())\n  body String\n${extra}}\n`;

    await writeFile(schemaPath, model(""));
    const first = await migrateCreate("notes", opts);
    expect(first).toMatch(/^\d{14}_notes$/);
    expect(await readFile(path.join(migrationsDir, `${first}/migration.sql`), "utf8")).toContain('CREATE TABLE "Note"');
    expect(await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
    expect(await migrateCreate("same", opts)).toBeNull();

    await writeFile(schemaPath, model("  pinned Boolean @default(false)\n"));
    const second = await migrateCreate("pin", opts);
    expect(await readFile(path.join(migrationsDir, `${second}/migration.sql`), "utf8")).toMatch(/ALTER TABLE "Note" ADD COLUMN\s+"pinned" BOOLEAN/);
    expect(await shadowDatabases()).toEqual([]);

    const name = `codex_migrate_${randomBytes(5).toString("hex")}`;
    await createDatabase({ url: testDatabaseUrl(), name });
    try {
      expect(await migrateDeploy({ ...opts, url: withDatabase(testDatabaseUrl(), name) })).toEqual([first, second]);
    } finally {
      await dropDatabase({ url: testDatabaseUrl(), name });
    }
  });

  it("rejects a name that cannot be a directory suffix", async () => {
    await expect(migrateCreate("add users", { url: testDatabaseUrl() })).rejects.toThrow(/letters, digits and _/);
  });
});

describe("migrateDeploy with hand-written SQL", () => {
  const db = scratchDatabase();

  it("runs each migration.sql whole (semicolons in strings) and rolls a failing one back", async () => {
    const migrationsDir = await mkdtemp(path.join(os.tmpdir(), "codex-migrate-sql-"));
    try {
      const write = async (name: string, sql: string) => {
        await mkdir(path.join(migrationsDir, name));
        await writeFile(path.join(migrationsDir, name, "migration.sql"), sql);
      };
      await write("20250101000000_notes", `CREATE TABLE "Note" ("body" TEXT NOT NULL DEFAULT 'x;y');\nCOMMENT ON TABLE "Note" IS 'a; b';\n`);
      await write("20250102000000_broken", `CREATE TABLE "Other" ("id" INT);\nSELECT no_such_function();\n`);

      await expect(migrateDeploy({ url: db.url(), migrationsDir })).rejects.toThrow(/no_such_function\(\) does not exist/);
      expect(await migrateStatus({ url: db.url(), migrationsDir })).toMatchObject({ failed: ["20250102000000_broken"] });
      const [row] = await query(db.url(), `SELECT obj_description('"Note"'::regclass) AS comment, to_regclass('"Other"') AS other`);
      expect(row).toEqual({ comment: "a; b", other: null });
    } finally {
      await rm(migrationsDir, { recursive: true, force: true });
    }
  });
});

describe("migrationTimestamp", () => {
  const now = new Date("2025-03-04T05:06:07.890Z");

  it("formats the current UTC time as YYYYMMDDHHMMSS", () => {
    expect(migrationTimestamp({ existing: ["20250101000000_init"], now })).toBe("20250304050607");
  });

  it("sorts after the newest migration even when that one is not older", () => {
    expect(migrationTimestamp({ existing: ["20250304050607_a"], now })).toBe("20250304050608");
    expect(migrationTimestamp({ existing: ["20251231235959_future", "20250101000000_a"], now })).toBe("20260101000000");
  });
});
