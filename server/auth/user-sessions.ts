import { randomUUID } from "node:crypto";
import { db } from "../db";
import { bus } from "../events/bus";

// Auth.js's default JWT lifetime; a session row lives exactly as long as its cookie.
const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** Records a new signed-in session; its id goes into the JWT as `sid`. */
export async function startSession(userId: string): Promise<string> {
  const sid = randomUUID();
  const now = Date.now();
  // The user's expired rows go as a new one comes: the table holds live sessions only.
  await db.$transaction([
    db.session.deleteMany({ where: { userId, expires: { lte: new Date(now) } } }),
    db.session.create({ data: { sessionToken: sid, userId, expires: new Date(now + SESSION_MAX_AGE_MS) } }),
  ]);
  return sid;
}

/** Whether a cookie's session id still names a live session of that user. */
export async function isSessionActive(sid: unknown, userId: unknown): Promise<boolean> {
  if (typeof sid !== "string" || typeof userId !== "string") return false;
  const row = await db.session.findUnique({ where: { sessionToken: sid }, select: { userId: true, expires: true } });
  return row?.userId === userId && row.expires.getTime() > Date.now();
}

/** Sign-out: this session only. */
export async function endSession(sid: unknown): Promise<void> {
  if (typeof sid === "string") await db.session.deleteMany({ where: { sessionToken: sid } });
}

/** Sign out everywhere (also on demotion): every session of the user, and their sockets. */
export async function endAllSessions(userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
  bus.emit("user:sessions-ended", userId);
}
