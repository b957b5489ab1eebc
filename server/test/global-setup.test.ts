import { describe, expect, it } from "vitest";
import { databaseName } from "../db/admin";
import { migrateStatus } from "../db/migrate";
import { env } from "../env";
import { testDatabaseUrl } from "./db";

describe("the test database from global-setup", () => {
  it("is a fresh codex_test_* database with every migration applied", async () => {
    const url = testDatabaseUrl();
    expect(databaseName(url)).toMatch(/^codex_test_[0-9a-f]{12}$/);
    expect(await migrateStatus({ url })).toMatchObject({ hasMigrationsTable: true, unapplied: [], failed: [] });
  });

  it("is also DATABASE_URL in the test workers", () => {
    expect(env().DATABASE_URL).toBe(testDatabaseUrl());
  });
});
