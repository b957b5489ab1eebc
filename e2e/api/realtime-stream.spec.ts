import { io, type Socket } from "socket.io-client";
import { baseURL } from "../playwright.config";
import { expect, signUp, test, tokenFor } from "../fixtures";
import { makeRepo } from "../fixtures/repo";

interface Event {
  seq: number;
  type: string;
  data: { status?: string };
}

function connect(token: string): Promise<Socket> {
  const socket = io(baseURL, { auth: { token }, transports: ["websocket"], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

test("a client that drops mid-stream and resubscribes from its last seq sees every seq exactly once", async ({ request }) => {
  const token = await tokenFor(request, await signUp(request, "stream"));
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
