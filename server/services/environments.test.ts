import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { setRuntimeEnv } from "../env";
import { testDatabaseUrl } from "../test/db";
import { makeRepo } from "../test/git-repo";

beforeAll(() => setRuntimeEnv({ DATABASE_URL: testDatabaseUrl() }));

const code = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code);

async function people() {
  const { db } = await import("../db");
  const tag = Math.random().toString(36).slice(2);
  const [admin, member] = await Promise.all(
    (["admin", "member"] as const).map(async (role): Promise<Actor> => {
      const u = await db.user.create({ data: { email: `env-${role}-${tag}@example.test`, role } });
      return { userId: u.id, email: u.email, role, via: "token" };
    }),
  );
  return { db, admin: admin!, member: member! };
}

describe("shared environments", () => {
  it("are read by every user and written only by administrators; a member's refused write changes nothing", async () => {
    const { createEnvironment, deleteEnvironment, getEnvironment, listEnvironments, updateEnvironment } = await import("./environments");
    const { db, admin, member } = await people();
    const repo = await makeRepo();
    const env = await createEnvironment(admin, { label: "Shared", repo });
    const row = await db.environment.findUniqueOrThrow({ where: { id: env.id } });
    expect(row.ownerId).toBe(admin.userId);

    expect((await listEnvironments(member)).map((e) => e.id)).toContain(env.id);
    expect(await getEnvironment(member, env.id)).toMatchObject({ id: env.id, label: "Shared" });
    const count = await db.environment.count();
    expect(await code(createEnvironment(member, { label: "Mine", repo }))).toBe("FORBIDDEN");
    expect(await code(updateEnvironment(member, env.id, { label: "Taken", setupScript: "touch /tmp/x" }))).toBe("FORBIDDEN");
    expect(await code(deleteEnvironment(member, env.id))).toBe("FORBIDDEN");
    expect(await db.environment.count()).toBe(count);
    expect(await db.environment.findUniqueOrThrow({ where: { id: env.id } })).toEqual(row);

    expect(await updateEnvironment(admin, env.id, { label: "Renamed" })).toMatchObject({ label: "Renamed" });
    await deleteEnvironment(admin, env.id);
    expect(await code(getEnvironment(member, env.id))).toBe("NOT_FOUND");
  });
});
