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
type PerformIO = (query: SqlQuery) => Promise<PgResult>;

// adapter-pg cannot map Postgres's internal single-byte type "char" (OID 18: pg_class.relkind,
// pg_constraint.contype, …): fieldToColumnType() throws "Column type 'char' could not be
// deserialized". Its private performIO() returns the raw pg result, so those fields are renamed
// to text (OID 25) there, and queryRaw() then reports them as Character: the engine reads some
// with get_expect_char(), e.g. contype, which PostgreSQL 18 returns for NOT NULL constraints.
// The two calls are matched through the rows array, which queryRaw() passes through unchanged.
function charColumnsAsCharacter<T extends SqlQueryable>(queryable: T): T {
  const target = queryable as T & { performIO?: PerformIO };
  const performIO = target.performIO;
  if (typeof performIO !== "function") {
    throw new Error("@prisma/adapter-pg no longer has performIO(); revisit server/db/pg-adapter.ts");
  }
  const charColumns = new WeakMap<unknown[], number[]>();
  target.performIO = async (query) => {
    const result = await performIO.call(target, query);
    const columns = result.fields.flatMap((field, index) => (field.dataTypeID === PG_CHAR_OID ? [index] : []));
    for (const index of columns) result.fields[index]!.dataTypeID = PG_TEXT_OID;
    if (columns.length > 0) charColumns.set(result.rows, columns);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

function patched(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel): Promise<Transaction> =>
    charColumnsAsCharacter(await startTransaction(isolationLevel));
  return charColumnsAsCharacter(adapter);
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
