import fc from "fast-check";
import type { Socket } from "socket.io-client";
import { expect, test } from "../fixtures";
import { digest } from "../fixtures/db-digest";
import { playRawSession, rawSessionArbitrary } from "../fixtures/fuzz/raw-frames";
import { cookieArbitrary, handshakeArbitrary, socketCaseArbitrary } from "../fixtures/fuzz/socket-cases";
import { connect, emitAll, wrongRefusals } from "../fixtures/fuzz/socket-send";
import { SEED, useFuzzServer } from "../fixtures/fuzz/fuzz-server";
import { expectServerUnharmed } from "../fixtures/fuzz/unharmed";
import { api } from "../fixtures/fuzz/world";

const SOCKET_CASES = 5_000;
const SOCKETS = 4;
const HANDSHAKES = 600;
const RAW_SESSIONS = 400;

const fx = useFuzzServer();

/** The user's tasks, then their other resources' ids (which are no task of theirs). */
const targetIds = () => [fx.world.doneTaskId, fx.world.waitingTaskId, ...(fx.world.targets.id ?? [])];

/** A task's whole log, collected by subscribing from seq 0 on `socket`. */
async function replay(socket: Socket, taskId: string): Promise<number[]> {
  const seqs: number[] = [];
  const listener = (e: { taskId: string; seq: number }) => e.taskId === taskId && seqs.push(e.seq);
  socket.on("task:event", listener);
  const res = await socket.timeout(10_000).emitWithAck("task:subscribe", { taskId, afterSeq: 0 });
  await socket.timeout(10_000).emitWithAck("task:unsubscribe", { taskId });
  socket.off("task:event", listener);
  expect(res).toMatchObject({ ok: true });
  return seqs;
}

/** Every socket still answers, and a subscribe from 0 still replays the finished task's log 1..N once. */
async function expectSocketsServed(sockets: Socket[]): Promise<void> {
  const { lastSeq } = await api(fx.server.baseURL, fx.world.token, "GET", `/api/tasks/${fx.world.doneTaskId}`);
  for (const socket of sockets) {
    expect(socket.connected).toBe(true);
    expect(await replay(socket, fx.world.doneTaskId)).toEqual(Array.from({ length: lastSeq as number }, (_, i) => i + 1));
  }
}

test(`${SOCKET_CASES} fuzzed socket events on ${SOCKETS} sockets: every ack answered in the contract's shape, nothing written, the sockets still served`, async () => {
  test.setTimeout(300_000);
  const cases = fc.sample(socketCaseArbitrary(targetIds()), { seed: SEED, numRuns: SOCKET_CASES });
  const sockets = await Promise.all(Array.from({ length: SOCKETS }, () => connect(fx.server.baseURL, { token: fx.world.token })));
  const logStart = fx.server.lines.length;
  const before = await digest(fx.server.databaseUrl);

  const broken = await Promise.all(sockets.map((s, i) => emitAll(s, cases.filter((_, j) => j % SOCKETS === i))));

  expect(broken.flat().slice(0, 15), `seed ${SEED}: socket events that broke the contract`).toEqual([]);
  expect(await digest(fx.server.databaseUrl), `seed ${SEED}: rows changed by socket events`).toEqual(before);
  await expectSocketsServed(sockets);
  await expectServerUnharmed(fx.server, logStart, SEED);
  for (const socket of sockets) socket.close();
});

test(`${HANDSHAKES} handshakes with garbage credentials are all refused with UNAUTHENTICATED`, async () => {
  test.setTimeout(300_000);
  const logStart = fx.server.lines.length;
  const auths = fc.sample(handshakeArbitrary(), { seed: SEED, numRuns: HANDSHAKES / 2 }).map((auth) => ({ auth }));
  const cookies = fc.sample(cookieArbitrary(), { seed: SEED, numRuns: HANDSHAKES / 2 }).map((cookie) => ({ auth: {}, cookie }));
  expect(await wrongRefusals(fx.server.baseURL, [...auths, ...cookies]), `seed ${SEED}`).toEqual([]);
  await expectServerUnharmed(fx.server, logStart, SEED);
});

test(`${RAW_SESSIONS} raw WebSocket sessions of malformed frames: the server stays up, writes nothing and keeps serving others`, async () => {
  test.setTimeout(300_000);
  const sessions = fc.sample(rawSessionArbitrary(targetIds()), { seed: SEED, numRuns: RAW_SESSIONS });
  const bystander = await connect(fx.server.baseURL, { token: fx.world.token });
  const logStart = fx.server.lines.length;
  const before = await digest(fx.server.databaseUrl);

  for (let i = 0; i < sessions.length; i += 10) {
    await Promise.all(sessions.slice(i, i + 10).map((s) => playRawSession(fx.server.baseURL, fx.world.token, s)));
  }

  expect(await digest(fx.server.databaseUrl), `seed ${SEED}: rows changed by raw frames`).toEqual(before);
  await expectSocketsServed([bystander]);
  await expectServerUnharmed(fx.server, logStart, SEED);
  bystander.close();
  console.log(`socket fuzz seed ${SEED}: ${sessions.reduce((n, s) => n + s.frames.length, 0)} raw frames in ${RAW_SESSIONS} sessions`);
});
