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

  it("answers a taken email like a new one and creates nothing", async () => {
    const { createUser } = await import("./users");
    const { db } = await import("../db");
    const first = await createUser({ email: "owner@example.test", password: "owners-password" });
    const again = await createUser({ email: "owner@example.test", password: "takers-password" });
    expect(again).toEqual({ id: expect.stringMatching(/^c[a-z0-9]{24}$/), email: "owner@example.test" });
    expect(again.id).not.toBe(first.id);
    expect(await db.user.count({ where: { email: "owner@example.test" } })).toBe(1);
    expect(await db.auditLog.count({ where: { ownerId: first.id, action: "user.signup_taken" } })).toBe(1);
  });
});

describe("verifyCredentials", () => {
  it("limits wrong passwords per address: the owner from another address still signs in", async () => {
    const { createUser, verifyCredentials } = await import("./users");
    await createUser({ email: "grace@example.test", password: "right-password" });
    for (let i = 0; i < 3; i += 1) await verifyCredentials({ email: "grace@example.test", password: "wrong", ip: "6.6.6.6" }).catch(() => undefined);
    await expect(verifyCredentials({ email: "grace@example.test", password: "right-password", ip: "6.6.6.6" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await verifyCredentials({ email: "grace@example.test", password: "right-password", ip: "2.2.2.2" })).email).toBe("grace@example.test");
  });

  it("accepts the right password, refuses a wrong one, and rate-limits an email from one address", async () => {
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
