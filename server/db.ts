import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

// One Prisma client per process. Next's route bundles and the custom server are separate
// module graphs in one process, so the client lives on globalThis. It is created on first
// use: `next build` imports route modules without a database.
const holder = globalThis as unknown as { __codexCloudDb?: PrismaClient };

// Prisma's default gives up on a transaction that waits 2 s for a pooled connection; under load
// (many tasks starting at once on a busy machine) that turned requests into 500s. Wait longer.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

function client(): PrismaClient {
  if (holder.__codexCloudDb) return holder.__codexCloudDb;
  const { DATABASE_URL, DATABASE_POOL_MAX } = env();
  if (!DATABASE_URL) throw new Error("DATABASE_URL is not set; start the app through server/index.ts");
  holder.__codexCloudDb = new PrismaClient({
    adapter: new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_MAX }),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  return holder.__codexCloudDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const target = client();
    const value: unknown = Reflect.get(target, prop);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await holder.__codexCloudDb?.$disconnect();
  holder.__codexCloudDb = undefined;
}
