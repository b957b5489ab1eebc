import { randomBytes } from "node:crypto";
import { createDatabase, dropDatabase, withDatabase } from "../db/admin";
import { migrateDeploy } from "../db/migrate";
import { setRuntimeEnv } from "../env";
import { testDatabaseUrl } from "./db";

/**
 * A migrated database for one test file, for tests that act on every row (first-user rules,
 * restart reconciliation) and so must not see other files' data. Points the app's `db` at it.
 */
export async function useOwnDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await createDatabase({ url: testDatabaseUrl(), name });
  const url = withDatabase(testDatabaseUrl(), name);
  await migrateDeploy({ url });
  setRuntimeEnv({ DATABASE_URL: url });
  return {
    url,
    async drop() {
      const { disconnectDb } = await import("../db");
      await disconnectDb();
      await dropDatabase({ url: testDatabaseUrl(), name });
    },
  };
}
