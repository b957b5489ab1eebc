import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import { createDatabase, dropDatabase, withDatabase } from "./admin";

// Driver adapter for the wasm schema engine, with the workarounds @prisma/adapter-pg 7.10.1 needs.

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const POOL_MAX = 2;

type PgResult = { fields: Array<{ dataTypeID: number }>; rows: unknown[] };
type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/** A private method of adapter-pg's PgQueryable, bound; throws if an upgrade removed it. */
function privateMethod<F extends (...args: never[]) => unknown>(queryable: object, name: string): F {
  const method: unknown = Reflect.get(queryable, name);
  if (typeof method !== "function") {
    throw new Error(`@prisma/adapter-pg no longer has ${name}(); revisit server/db/pg-adapter.ts`);
  }
  return method.bind(queryable) as F;
}

// adapter-pg cannot map Postgres's internal single-byte type "char" (OID 18: pg_class.relkind,
// pg_constraint.contype, …): fieldToColumnType() throws "Column type 'char' could not be
// deserialized". Its private performIO() returns the raw pg result, so those fields are renamed
// to text (OID 25) there, and queryRaw() then reports them as Character: the engine reads some
// with get_expect_char(), e.g. contype, which PostgreSQL 18 returns for NOT NULL constraints.
// The two calls are matched through the rows array, which queryRaw() passes through unchanged.
function charColumnsAsCharacter<T extends SqlQueryable>(queryable: T): T {
  const performIO = privateMethod<(query: SqlQuery) => Promise<PgResult>>(queryable, "performIO");
  const charColumns = new WeakMap<unknown[], number[]>();
  Reflect.set(queryable, "performIO", async (query: SqlQuery) => {
    const result = await performIO(query);
    const columns = result.fields.flatMap((field, index) => (field.dataTypeID === PG_CHAR_OID ? [index] : []));
    if (columns.length === 0) return result;
    for (const field of result.fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    charColumns.set(result.rows, columns);
    return result;
  });
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

// adapter-pg's executeScript() splits the script at every ";", which breaks any migration with
// a semicolon in a string, a comment or a function body. Send the script whole, as Prisma's
// native engine does: one simple-protocol query, which PostgreSQL runs as one transaction.
function wholeScripts(adapter: PgAdapter): PgAdapter {
  const onError = privateMethod<(error: unknown) => never>(adapter, "onError");
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      onError(error);
    }
  };
  return adapter;
}

function patched(adapter: PgAdapter): SqlDriverAdapter {
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel): Promise<Transaction> =>
    charColumnsAsCharacter(await startTransaction(isolationLevel));
  return charColumnsAsCharacter(wholeScripts(adapter));
}

export interface MigrationPgFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** The engine never disposes its main connection; this closes every adapter handed out. */
  disposeAll(): Promise<void>;
}

export function migrationAwarePgFactory(opts: { url: string }): MigrationPgFactory {
  const base = new PrismaPg({ connectionString: opts.url, max: POOL_MAX });
  const open = new Set<SqlDriverAdapter>();
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      open.delete(adapter);
      await dispose();
    };
    open.add(adapter);
    return adapter;
  };
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => track(patched(await base.connect())),
    // PrismaPg.connectToShadowDb() drops its shadow database before ending its own pool, which
    // fails with "is being accessed by other users": create and drop it here instead.
    async connectToShadowDb() {
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await createDatabase({ url: opts.url, name });
      const shadow = new PrismaPg({ connectionString: withDatabase(opts.url, name), max: POOL_MAX });
      const adapter = await shadow.connect().then(patched, async (error: unknown) => {
        await dropDatabase({ url: opts.url, name });
        throw error;
      });
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await dropDatabase({ url: opts.url, name });
      };
      return track(adapter);
    },
    async disposeAll() {
      const results = await Promise.allSettled([...open].map((adapter) => adapter.dispose()));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) throw failed.reason;
    },
  };
}
