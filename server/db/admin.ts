import pg from "pg";

/** `url` with its database name replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${encodeURIComponent(database)}`;
  return next.toString();
}

/** The database name a connection URL points at. */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Runs one statement on its own short-lived connection to `url`. */
export async function adminQuery(opts: { url: string; sql: string; values?: unknown[] }): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: opts.url });
  await client.connect();
  try {
    return await client.query(opts.sql, opts.values);
  } finally {
    await client.end();
  }
}

/** Creates `name` on the server `url` points at (any database there works as the admin one). */
export async function createDatabase(opts: { url: string; name: string }): Promise<void> {
  await adminQuery({ url: opts.url, sql: `CREATE DATABASE ${pg.escapeIdentifier(opts.name)}` });
}

/** Drops `name`, disconnecting its sessions first (PostgreSQL 13+). */
export async function dropDatabase(opts: { url: string; name: string }): Promise<void> {
  await adminQuery({ url: opts.url, sql: `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(opts.name)} WITH (FORCE)` });
}

export async function databaseExists(opts: { url: string; name: string }): Promise<boolean> {
  const sql = "SELECT 1 FROM pg_database WHERE datname = $1";
  const result = await adminQuery({ url: opts.url, sql, values: [opts.name] });
  return result.rowCount === 1;
}
