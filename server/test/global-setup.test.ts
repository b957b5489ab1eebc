import { describe, expect, it } from "vitest";
import { adminQuery, databaseName } from "../db/admin";
import { env } from "../env";
import { testDatabaseUrl } from "./db";

describe("the test database from global-setup", () => {
  it("is a fresh codex_test_* database with every migration applied", async () => {
    const url = testDatabaseUrl();
    expect(databaseName(url)).toMatch(/^codex_test_[0-9a-f]{12}$/);
    const result = await adminQuery({ url, sql: "SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL" });
    expect(result.rows[0]).toEqual({ n: expect.any(Number) });
    expect((result.rows[0] as { n: number }).n).toBeGreaterThan(0);
  });

  it("is also DATABASE_URL in the test workers", () => {
    expect(env().DATABASE_URL).toBe(testDatabaseUrl());
  });
});
