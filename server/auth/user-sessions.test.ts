import { describe, expect, it } from "vitest";
import { db } from "../db";
import { isSessionActive, startSession } from "./user-sessions";

async function user(tag: string) {
  return db.user.create({ data: { email: `${tag}-${Math.random().toString(36).slice(2)}@example.test` } });
}

describe("session rows", () => {
  it("a new sign-in removes the user's expired rows and keeps live ones and other users' rows", async () => {
    const [me, other] = [await user("sessions-me"), await user("sessions-other")];
    const past = new Date(Date.now() - 1000);
    const future = new Date(Date.now() + 60_000);
    await db.session.createMany({
      data: [
        { sessionToken: `old-${me.id}`, userId: me.id, expires: past },
        { sessionToken: `live-${me.id}`, userId: me.id, expires: future },
        { sessionToken: `old-${other.id}`, userId: other.id, expires: past },
      ],
    });
    const sid = await startSession(me.id);
    const rows = await db.session.findMany({ where: { userId: { in: [me.id, other.id] } }, select: { sessionToken: true }, orderBy: { sessionToken: "asc" } });
    expect(rows.map((r) => r.sessionToken).sort()).toEqual([`live-${me.id}`, `old-${other.id}`, sid].sort());
    expect(await isSessionActive(sid, me.id)).toBe(true);
    expect(await isSessionActive(`live-${me.id}`, other.id)).toBe(false);
  });
});
