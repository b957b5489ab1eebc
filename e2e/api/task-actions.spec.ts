import { type APIRequestContext } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { baseURL } from "../playwright.config";
import { expect, signUpAdmin, test, tokenFor } from "../fixtures";
import { makeRepo } from "../fixtures/repo";

async function setup(request: APIRequestContext, tag: string) {
  const token = await tokenFor(request, await signUpAdmin(request, tag));
  const headers = { authorization: `Bearer ${token}` };
  const env = await (await request.post("/api/environments", { headers, data: { label: tag, repo: makeRepo() } })).json();
  const createTask = async (prompt: string) => (await (await request.post("/api/tasks", { headers, data: { environmentId: env.id, prompt } })).json()) as { id: string };
  const task = async (id: string) => (await request.get(`/api/tasks/${id}`, { headers })).json();
  const acceptAll = async (id: string) => {
    for (const a of (await (await request.get("/api/approvals?status=pending", { headers })).json()).items) {
      if (a.taskId === id) await request.post(`/api/approvals/${a.id}`, { headers, data: { decision: "accept" } });
    }
  };
  const until = async (id: string, status: string) =>
    expect.poll(async () => (await acceptAll(id), (await task(id)).status), { timeout: 60_000 }).toBe(status);
  return { token, headers, env, createTask, task, until };
}

test("follow-ups by task and by thread, rename, archive filter, and the rebuilt thread", async ({ request }) => {
  const { headers, createTask, task, until } = await setup(request, "actions");
  const { id } = await createTask("/scenario edit\nFirst turn");
  await until(id, "ready");

  expect((await request.post(`/api/tasks/${id}/messages`, { headers, data: { text: "/scenario edit\nSecond turn" } })).status()).toBe(202);
  await until(id, "ready");
  const threadId = (await task(id)).attempts[0].threadId;
  expect((await request.post(`/api/threads/${threadId}/turns`, { headers, data: { text: "/scenario edit\nThird turn" } })).status()).toBe(202);
  await until(id, "ready");

  const thread = await (await request.get(`/api/threads/${threadId}`, { headers })).json();
  expect(thread).toMatchObject({ id: threadId, taskId: id, attempt: 0, status: "completed" });
  expect(thread.turns.map((t: { status: string }) => t.status)).toEqual(["completed", "completed", "completed"]);
  const types = thread.turns.flatMap((t: { items: Array<{ type: string }> }) => t.items.map((i) => i.type));
  expect(types).toEqual(expect.arrayContaining(["userMessage", "fileChange", "agentMessage"]));
  expect((await task(id)).turns).toHaveLength(3);

  const renamed = await request.patch(`/api/tasks/${id}`, { headers, data: { title: "Greeting work" } });
  expect(await renamed.json()).toMatchObject({ id, title: "Greeting work" });
  expect((await (await request.get("/api/tasks?q=greeting", { headers })).json()).items.map((t: { id: string }) => t.id)).toEqual([id]);
  await request.patch(`/api/tasks/${id}`, { headers, data: { archived: true } });
  expect((await (await request.get("/api/tasks", { headers })).json()).items).toEqual([]);
  expect((await (await request.get("/api/tasks?archived=true", { headers })).json()).items.map((t: { id: string }) => t.id)).toEqual([id]);
  expect((await request.get(`/api/tasks/${id}/patch`, { headers })).status()).toBe(200);
});

test("interrupt ends the running turn as interrupted and the task as cancelled", async ({ request }) => {
  const { headers, createTask, task } = await setup(request, "interrupt");
  const { id } = await createTask("/scenario slow\nTake your time");
  await expect.poll(async () => (await task(id)).turns.length, { timeout: 30_000 }).toBe(1);
  await expect.poll(async () => (await (await request.get(`/api/tasks/${id}/events`, { headers })).json()).items.some((e: { type: string }) => e.type === "turn/started"), { timeout: 30_000 }).toBe(true);
  expect((await request.post(`/api/tasks/${id}/interrupt`, { headers })).status()).toBe(202);
  await expect.poll(async () => (await task(id)).status, { timeout: 30_000 }).toBe("cancelled");
  expect((await task(id)).turns[0].status).toBe("interrupted");
  const conflict = await request.post(`/api/tasks/${id}/messages`, { headers, data: { text: "go on", attempt: 3 } });
  expect(conflict.status()).toBe(404);
});

test("a message sent while a turn runs steers that turn (202 steered) and the model hears it; no second turn", async ({ request }) => {
  const { headers, createTask, task, until } = await setup(request, "steer");
  const { id } = await createTask("/scenario slow\nTake your time");
  const events = async () => (await (await request.get(`/api/tasks/${id}/events`, { headers })).json()).items as Array<{ type: string; data: { item?: { type: string; text?: string } } }>;
  await expect.poll(async () => (await events()).some((e) => e.type === "turn/started"), { timeout: 30_000 }).toBe(true);
  const steered = await request.post(`/api/tasks/${id}/messages`, { headers, data: { text: "Mind the tests too" } });
  expect(steered.status(), await steered.text()).toBe(202);
  expect(await steered.json()).toEqual({ accepted: true, steered: true });
  await until(id, "ready");
  const detail = await task(id);
  expect(detail.turns).toHaveLength(1);
  const said = (await events()).filter((e) => e.type === "item/completed" && e.data.item?.type === "agentMessage").map((e) => e.data.item!.text);
  expect(said.at(-1)).toContain('You added while I worked: "Mind the tests too".');
  const followUp = await request.post(`/api/tasks/${id}/messages`, { headers, data: { text: "And now a new turn" } });
  expect(await followUp.json()).toEqual({ accepted: true });
});

test("the owner's sockets get task:updated and approval events without subscribing", async ({ request }) => {
  const { token, headers, createTask } = await setup(request, "ownerevents");
  const socket: Socket = io(baseURL, { auth: { token }, transports: ["websocket"], reconnection: false });
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  const seen: string[] = [];
  socket.onAny((name: string, payload: { status?: string }) => seen.push(`${name}${payload.status ? `:${payload.status}` : ""}`));
  try {
    const { id } = await createTask("/scenario command\nowner events");
    await expect.poll(() => seen, { timeout: 30_000 }).toContain("approval:requested:pending");
    // The task's status is derived just after the approval is raised: its update may come second.
    await expect.poll(() => seen, { timeout: 10_000 }).toContain("task:updated:awaiting_approval");
    const approval = (await (await request.get("/api/approvals?status=pending", { headers })).json()).items.find((a: { taskId: string }) => a.taskId === id);
    await request.post(`/api/approvals/${approval.id}`, { headers, data: { decision: "accept" } });
    await expect.poll(() => seen, { timeout: 30_000 }).toContain("task:updated:ready");
    expect(seen).toContain("approval:resolved:accepted");
    expect(seen.some((s) => s.startsWith("task:event"))).toBe(false);
  } finally {
    socket.close();
  }
});
