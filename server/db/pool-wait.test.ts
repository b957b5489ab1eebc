import { afterAll, describe, expect, it } from "vitest";
import { setRuntimeEnv } from "../env";

// One pooled connection, held for longer than Prisma's default wait (2 s) by one transaction.
setRuntimeEnv({ DATABASE_POOL_MAX: "1" });
const { db, disconnectDb } = await import("../db");
afterAll(() => disconnectDb());

const HOLD_SECONDS = 3;

describe("the database client under a busy pool", () => {
  it("a transaction waits for a free connection instead of failing", async () => {
    let held: () => void = () => {};
    const holding = new Promise<void>((resolve) => (held = resolve));
    const holder = db.$transaction(async (tx) => {
      held();
      await tx.$executeRawUnsafe(`SELECT pg_sleep(${HOLD_SECONDS})`);
    });
    await holding;
    const waiting = db.$transaction(async (tx) => tx.$queryRawUnsafe<Array<{ one: number }>>("SELECT 1 AS one"));
    await expect(Promise.all([holder, waiting])).resolves.toEqual([undefined, [{ one: 1 }]]);
  });
});
