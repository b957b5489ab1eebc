import { io, type Socket } from "socket.io-client";
import { baseURL } from "../playwright.config";
import { expect, signUpAdmin, test, tokenFor } from "../fixtures";
import { makeRepo } from "../fixtures/repo";
import { createEnvironment, createTask, getTask } from "../fixtures/task-api";

interface Event {
  seq: number;
  type: string;
  data: { status?: string };
}

const AWAY_MS = 10_000;

function connect(token: string): Promise<Socket> {
  const socket = io(baseURL, { auth: { token }, transports: ["websocket"], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

test("a client that drops mid-stream and resubscribes from its last seq sees every seq exactly once", async ({ request }) => {
  const token = await tokenFor(request, await signUpAdmin(request, "stream"));
  const headers = { authorization: `Bearer ${token}` };
  const env = await (await request.post("/api/environments", { headers, data: { label: "s", repo: makeRepo() } })).json();
  const task = await (await request.post("/api/tasks", { headers, data: { environmentId: env.id, prompt: "/scenario stream 3000\nstream" } })).json();

  const seen: number[] = [];
  let finished = false;
  const listen = (socket: Socket, dropAfter?: number) =>
    new Promise<void>((resolve) => {
      socket.on("task:event", (e: Event) => {
        seen.push(e.seq);
        if (e.type === "task/status" && ["ready", "error"].includes(e.data.status ?? "")) finished = true;
        if (finished || (dropAfter !== undefined && seen.length >= dropAfter)) {
          socket.close();
          resolve();
        }
      });
    });

  const first = await connect(token);
  const firstDone = listen(first, 400);
  expect(await first.emitWithAck("task:subscribe", { taskId: task.id, afterSeq: 0 })).toMatchObject({ ok: true });
  await firstDone;
  expect(finished).toBe(false);

  const second = await connect(token);
  const secondDone = listen(second);
  const ack = await second.emitWithAck("task:subscribe", { taskId: task.id, afterSeq: seen.at(-1) });
  expect(ack.ok).toBe(true);
  await secondDone;

  expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
  expect(seen.length).toBeGreaterThan(3000);
  // The stored log ends where the stream did (events are written in batches, so wait for it).
  const storedLastSeq = async () => (await (await request.get(`/api/tasks/${task.id}/events?after=0&limit=1`, { headers })).json()).lastSeq;
  await expect.poll(storedLastSeq).toBe(seen.length);
});

test("a client away for 10 s while the task runs catches up from its seq: every seq once, none missing", async ({ request }) => {
  test.setTimeout(180_000);
  const token = await tokenFor(request, await signUpAdmin(request, "away"));
  const headers = { authorization: `Bearer ${token}` };
  const environmentId = await createEnvironment(request, headers, { repo: makeRepo(), approvalPolicy: "never" });
  const taskId = await createTask(request, headers, environmentId, "/scenario ticks\nTick while I am away");

  const seen: number[] = [];
  let ended: () => void = () => {};
  const finished = new Promise<void>((resolve) => (ended = resolve));
  const follow = async (afterSeq: number) => {
    const socket = await connect(token);
    socket.on("task:event", (e: Event) => {
      seen.push(e.seq);
      if (e.type === "task/status" && ["ready", "error"].includes(e.data.status ?? "")) ended();
    });
    expect(await socket.emitWithAck("task:subscribe", { taskId, afterSeq })).toMatchObject({ ok: true });
    return socket;
  };

  const first = await follow(0);
  await expect.poll(() => seen.length, { timeout: 60_000 }).toBeGreaterThan(5);
  first.close();
  const lastSeen = seen.at(-1)!;
  await new Promise((resolve) => setTimeout(resolve, AWAY_MS));
  // The task went on meanwhile: there is something to catch up on.
  expect((await getTask(request, headers, taskId)).lastSeq).toBeGreaterThan(lastSeen);

  const second = await follow(lastSeen);
  await finished;
  second.close();
  expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
  await expect.poll(async () => (await getTask(request, headers, taskId)).lastSeq).toBe(seen.length);
});
