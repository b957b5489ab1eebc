import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { setRuntimeEnv } from "../env";
import { testDatabaseUrl } from "../test/db";

beforeAll(() => setRuntimeEnv({ DATABASE_URL: testDatabaseUrl(), RATE_LIMIT_TASKS: "2/60" }));

describe("createTask", () => {
  it("is rate-limited per user with 429 RATE_LIMITED", async () => {
    const { createTask } = await import("./tasks");
    const actor: Actor = { userId: `rl-${Math.random()}`, email: "rl@example.test", role: "member", via: "token" };
    const attempt = () => createTask(actor, { environmentId: "missing", prompt: "p" }).catch((e: unknown) => e);
    expect(await attempt()).toMatchObject({ code: "NOT_FOUND" });
    expect(await attempt()).toMatchObject({ code: "NOT_FOUND" });
    expect(await attempt()).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    const other: Actor = { ...actor, userId: `rl-other-${Math.random()}` };
    expect(await createTask(other, { environmentId: "missing", prompt: "p" }).catch((e: unknown) => e)).toMatchObject({ code: "NOT_FOUND" });
  });
});
