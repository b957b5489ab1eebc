import { startEmbeddedPostgres } from "../db/embedded";
import { migrateDeploy } from "../db/migrate";
import { logger } from "../logger";

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when given, else an embedded PostgreSQL under the data directory; migrated. */
export async function openDatabase(opts: { url?: string; dataDir: string }): Promise<Database> {
  const database: Database = opts.url
    ? { url: opts.url, embedded: false, stop: async () => {} }
    : await startEmbedded(opts.dataDir);
  const started = performance.now();
  const applied = await migrateDeploy({ url: database.url });
  logger.info("database ready", {
    embedded: database.embedded,
    migrationsApplied: applied,
    migrateMs: Math.round(performance.now() - started),
  });
  return database;
}

async function startEmbedded(dataDir: string): Promise<Database> {
  const pg = await startEmbeddedPostgres({ dataDir, log: (msg) => logger.debug(msg, { component: "postgres" }) });
  return { url: pg.url, embedded: true, stop: () => pg.stop() };
}
