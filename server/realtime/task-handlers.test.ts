import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setRuntimeEnv } from "../env";
import { testDatabaseUrl } from "../test/db";
import { waitFor } from "../test/runner-fixture";
import type { IoServer } from "./io";

// The socket handlers on a real Socket.IO server and client, with the user set by the test's
// own middleware in place of the handshake's authentication.

let http: HttpServer;
let url: string;
let ownerId: string;
let disconnects = 0;

beforeAll(async () => {
  setRuntimeEnv({ DATABASE_URL: testDatabaseUrl() });
  const { db } = await import("../db");
  const { registerTaskHandlers } = await import("./task-handlers");
  ownerId = (await db.user.create({ data: { email: `handlers-${Math.random().toString(36).slice(2)}@example.test` } })).id;
  http = createServer();
  const io: IoServer = new Server(http);
  io.use((socket, next) => {
    socket.data.userId = ownerId;
    next();
  });
  io.on("connection", (socket) => {
    registerTaskHandlers(socket);
    socket.on("disconnect", () => (disconnects += 1));
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => new Promise((resolve) => http?.close(resolve)));

async function newTask(): Promise<string> {
  const { db } = await import("../db");
  const env = await db.environment.create({ data: { ownerId, label: "e", repo: "/nowhere", defaultBranch: "main" } });
  return (await db.task.create({ data: { ownerId, environmentId: env.id, title: "t", prompt: "p", branch: "main" } })).id;
}

function open(): Promise<ClientSocket> {
  const socket = connect(url, { transports: ["websocket"], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Holds every call of the shared subscriptions' `subscribe` until `gate`, so a test can act while they are in flight. */
async function holdSubscribes(gate: Promise<void>) {
  const { taskSubscriptions } = await import("./subscriptions");
  const subs = taskSubscriptions();
  const subscribe = subs.subscribe.bind(subs);
  const spy = vi.spyOn(subs, "subscribe").mockImplementation(async (...args) => gate.then(() => subscribe(...args)));
  return {
    subs,
    called: (count: number) => waitFor(`${count} subscribe calls`, async () => (spy.mock.results.length >= count ? true : undefined)),
    settled: () => Promise.allSettled(spy.mock.results.map((r) => r.value)),
  };
}

describe("task socket handlers", () => {
  it("a socket that disconnects while its subscribes are in flight leaves no subscription behind", async () => {
    const taskIds = [await newTask(), await newTask(), await newTask()];
    let release = () => {};
    const watch = await holdSubscribes(new Promise((resolve) => (release = resolve)));
    const socket = await open();
    for (const taskId of taskIds) socket.emit("task:subscribe", { taskId }, () => {});
    await watch.called(3);
    const before = disconnects;
    socket.disconnect();
    await waitFor("the server to see the disconnect", async () => (disconnects > before ? true : undefined));
    release();
    await watch.settled();
    expect(taskIds.map((id) => watch.subs.subscriberCount(id))).toEqual([0, 0, 0]);
  });

  it("an unsubscribe sent before the subscribe is answered wins; the newest of several subscribes is the one kept", async () => {
    const [dropped, kept] = [await newTask(), await newTask()];
    const { taskSubscriptions } = await import("./subscriptions");
    const socket = await open();
    const answers = [
      socket.emitWithAck("task:subscribe", { taskId: dropped }),
      socket.emitWithAck("task:unsubscribe", { taskId: dropped }),
      ...Array.from({ length: 5 }, () => socket.emitWithAck("task:subscribe", { taskId: kept })),
    ];
    // Each handler answers only once it is done, so every subscribe has settled here.
    expect((await Promise.all(answers)).map((a) => a.ok)).toEqual(Array(7).fill(true));
    expect(taskSubscriptions().subscriberCount(dropped)).toBe(0);
    expect(taskSubscriptions().subscriberCount(kept)).toBe(1);
    socket.disconnect();
    await waitFor("the kept subscription to end", async () => (taskSubscriptions().subscriberCount(kept) === 0 ? true : undefined));
  });

  it("answers the ack wherever it is, and refuses other than exactly one payload", async () => {
    const taskId = await newTask();
    const socket = await open();
    const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? "ok" : res.error?.code);
    expect(code(await socket.emitWithAck("task:subscribe", { taskId }))).toBe("ok");
    expect(code(await socket.emitWithAck("task:subscribe"))).toBe("VALIDATION_FAILED");
    expect(code(await socket.emitWithAck("task:subscribe", { taskId }, { taskId }))).toBe("VALIDATION_FAILED");
    expect(code(await socket.emitWithAck("task:unsubscribe", { taskId }, 1, "x"))).toBe("VALIDATION_FAILED");
    expect(code(await socket.emitWithAck("task:subscribe", { taskId: "missing" }))).toBe("NOT_FOUND");
    expect(code(await socket.emitWithAck("task:unsubscribe", { taskId: "missing" }))).toBe("NOT_FOUND");
    socket.emit("task:subscribe", { taskId });
    expect(code(await socket.emitWithAck("task:unsubscribe", { taskId }))).toBe("ok");
    socket.disconnect();
  });
});
