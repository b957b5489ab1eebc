import { PrismaPg } from "@prisma/adapter-pg";
import { inject } from "vitest";
import { PrismaClient } from "../generated/prisma/client";

/** URL of this test run's migrated database (see server/test/global-setup.ts). */
export function testDatabaseUrl(): string {
  return inject("databaseUrl");
}

/** A Prisma client on the test database (or on `url`); the caller calls `$disconnect()`. */
export function createTestPrisma(opts: { url?: string } = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: opts.url ?? testDatabaseUrl() }) });
}
