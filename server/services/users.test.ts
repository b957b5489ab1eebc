import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRuntimeEnv } from "../env";
import { AppError } from "../http/errors";
import { useOwnDatabase } from "../test/own-database";

// This file needs an empty database of its own: "the first user becomes admin".
let own: Awaited<ReturnType<typeof useOwnDatabase>>;

beforeAll(async () => {
  own = await useOwnDatabase("codex_users");
  setRuntimeEnv({ RATE_LIMIT_SIGNIN: "3/60", RATE_LIMIT_SIGNIN_IP: "100/60" });
});

afterAll(() => own.drop());

describe("createUser", () => {
  it("makes exactly one admin when the first sign-ups race, and hashes passwords", async () => {
    const { createUser } = await import("./users");
    const { db } = await import("../db");
    const emails = Array.from({ length: 5 }, (_, i) => `racer${i}@example.test`);
    await Promise.all(emails.map((email) => createUser({ email, password: "long-enough" })));
    const users = await db.user.findMany({ select: { role: true, passwordHash: true } });
    expect(users.filter((u) => u.role === "admin")).toHaveLength(1);
    expect(users.every((u) => u.passwordHash?.startsWith("$argon2id$"))).toBe(true);
  });

  it("refuses sign-up when it is closed and writes nothing", async () => {
    const { createUser } = await import("./users");
    const { db } = await import("../db");
    setRuntimeEnv({ ALLOW_SIGNUP: "false" });
    try {
      const before = await db.user.count();
      await expect(createUser({ email: "late@example.test", password: "long-enough" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await db.user.count()).toBe(before);
    } finally {
      setRuntimeEnv({ ALLOW_SIGNUP: "true" });
    }
  });
});

describe("verifyCredentials", () => {
  it("accepts the right password, refuses a wrong one, and rate-limits per email", async () => {
    const { createUser, verifyCredentials } = await import("./users");
    await createUser({ email: "ada@example.test", password: "right-password" });
    const ok = await verifyCredentials({ email: "ada@example.test", password: "right-password", ip: "1.1.1.1" });
    expect(ok.email).toBe("ada@example.test");
    await expect(verifyCredentials({ email: "ada@example.test", password: "wrong", ip: "1.1.1.1" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await verifyCredentials({ email: "ada@example.test", password: "wrong", ip: "1.1.1.1" }).catch(() => undefined);
    const limited = await verifyCredentials({ email: "ada@example.test", password: "right-password", ip: "1.1.1.1" }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(AppError);
    expect((limited as AppError).code).toBe("RATE_LIMITED");
  });
});
