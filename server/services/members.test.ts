import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { useOwnDatabase } from "../test/own-database";

// Its own database: "the last administrator" counts every user.
let own: Awaited<ReturnType<typeof useOwnDatabase>>;
beforeAll(async () => {
  own = await useOwnDatabase("codex_members");
});
afterAll(() => own.drop());

const code = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code);

async function users() {
  const { createUser } = await import("./users");
  const { db } = await import("../db");
  const tag = Math.random().toString(36).slice(2);
  const first = await createUser({ email: `admin-${tag}@example.test`, password: "long-enough" });
  const second = await createUser({ email: `member-${tag}@example.test`, password: "long-enough" });
  // Each test starts from one admin: the file's earlier admins step down.
  await db.user.updateMany({ where: { id: { not: first.id } }, data: { role: "member" } });
  await db.user.update({ where: { id: first.id }, data: { role: "admin" } });
  const actor = async (id: string): Promise<Actor> => {
    const u = await db.user.findUniqueOrThrow({ where: { id } });
    return { userId: u.id, email: u.email, role: u.role, via: "token" };
  };
  return { db, first, second, actor };
}

describe("roles", () => {
  it("makes the first user admin and the next a member; only admins list users or change roles", async () => {
    const { listUsers, updateUser } = await import("./members");
    const { first, second, actor } = await users();
    const admin = await actor(first.id);
    const member = await actor(second.id);
    expect([admin.role, member.role]).toEqual(["admin", "member"]);
    expect((await listUsers(admin)).map((u) => [u.email, u.role]).slice(-2)).toEqual([[first.email, "admin"], [second.email, "member"]]);
    expect(await code(listUsers(member))).toBe("FORBIDDEN");
    expect(await code(updateUser({ actor: member, userId: second.id, patch: { role: "admin" } }))).toBe("FORBIDDEN");
    expect(await code(updateUser({ actor: admin, userId: "no-such-user", patch: { role: "admin" } }))).toBe("NOT_FOUND");
  });

  it("audits a promotion for both users, keeps the last admin, and never leaves none when two admins demote each other at once", async () => {
    const { updateUser } = await import("./members");
    const { db, first, second, actor } = await users();
    expect(await code(updateUser({ actor: await actor(first.id), userId: first.id, patch: { role: "member" } }))).toBe("CONFLICT");
    const promoted = await updateUser({ actor: await actor(first.id), userId: second.id, patch: { role: "admin" } });
    expect(promoted).toMatchObject({ id: second.id, role: "admin" });
    const audit = await db.auditLog.findMany({ where: { action: "user.role_change", details: { path: ["userId"], equals: second.id } } });
    expect(audit.map((a) => a.ownerId).sort()).toEqual([first.id, second.id].sort());
    expect(audit[0]?.details).toMatchObject({ email: second.email, from: "member", to: "admin" });
    const [a, b] = [await actor(first.id), await actor(second.id)];
    const results = await Promise.all([
      code(updateUser({ actor: a, userId: second.id, patch: { role: "member" } })),
      code(updateUser({ actor: b, userId: first.id, patch: { role: "member" } })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "ok"]);
    expect(await db.user.count({ where: { role: "admin", id: { in: [first.id, second.id] } } })).toBe(1);
  });
});
