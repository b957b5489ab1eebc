import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable, retryWhileUnreachable } from "./unreachable";

const prismaError = (code: string) => Object.assign(new Error(`prisma ${code}`), { code });
const fast = { everyMs: 1, forMs: 60_000 };

describe("retryWhileUnreachable", () => {
  it("knows Prisma's connection codes from other failures", () => {
    expect(["P1001", "P1002", "P1008", "P1017"].map((c) => isDatabaseUnreachable(prismaError(c)))).toEqual([true, true, true, true]);
    expect([prismaError("P2025"), new Error("boom"), null, "P1001"].map(isDatabaseUnreachable)).toEqual([false, false, false, false]);
  });

  it("runs the work again while the database is unreachable, then returns its result", async () => {
    let calls = 0;
    const result = await retryWhileUnreachable("test", async () => {
      calls += 1;
      if (calls < 3) throw prismaError("P1001");
      return "done";
    }, fast);
    expect({ result, calls }).toEqual({ result: "done", calls: 3 });
  });

  it("rethrows any other error at once, and an outage once the time is up", async () => {
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw prismaError("P2025");
    };
    await expect(retryWhileUnreachable("test", failing, fast)).rejects.toMatchObject({ code: "P2025" });
    expect(calls).toBe(1);
    await expect(retryWhileUnreachable("test", () => Promise.reject(prismaError("P1001")), { everyMs: 1, forMs: 0 })).rejects.toMatchObject({ code: "P1001" });
  });
});
