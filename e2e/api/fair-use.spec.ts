import { io, type Socket } from "socket.io-client";
import { expect, test } from "../fixtures";
import { type Call, client, signUpWithToken, taskOutput } from "../fixtures/hostile";
import { processesRunning, rssBytes } from "../fixtures/processes";
import { type OwnServer, startOwnServer } from "../fixtures/own-server";
import { makeRepo } from "../fixtures/repo";

// Fair use on a small instance: two process slots, one per user, approvals wait at most 120 s,
// 64 KiB of setup output kept per attempt, 3 sign-ups per address an hour, 2 sockets per user.

test.describe.configure({ mode: "serial" });

let server: OwnServer;
let alice: Call;
let bob: Call;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer({
    MAX_RUNNING_TASKS: "2", MAX_RUNNING_TASKS_PER_USER: "1", MAX_APPROVAL_TIMEOUT_SEC: "120", SETUP_OUTPUT_MAX_BYTES: "65536",
    RATE_LIMIT_SIGNUP: "3/3600",
    MAX_SOCKETS_PER_USER: "2",
  });
  alice = await signUpWithToken(server.baseURL, "alice@fair.test");
  bob = await signUpWithToken(server.baseURL, "bob@fair.test");
});
test.afterAll(async () => {
  await server?.stop();
});

const status = async (call: Call, id: string): Promise<string> => (await call("GET", `/api/tasks/${id}`)).status;

async function acceptAll(call: Call, id: string): Promise<void> {
  for (const a of (await call("GET", "/api/approvals?status=pending")).items) {
    if (a.taskId === id) await call("POST", `/api/approvals/${a.id}`, { decision: "accept" });
  }
}

test("a user's tasks beyond the per-user cap queue while another user's task runs", async () => {
  test.setTimeout(180_000);
  const asks = await alice("POST", "/api/environments", { label: "asks", repo: makeRepo() });
  const free = await alice("POST", "/api/environments", { label: "free", repo: makeRepo(), approvalPolicy: "never" });
  const first = await alice("POST", "/api/tasks", { environmentId: asks.id, prompt: "/scenario command\nhold the slot" });
  await expect.poll(() => status(alice, first.id), { timeout: 60_000 }).toBe("awaiting_approval");
  const second = await alice("POST", "/api/tasks", { environmentId: free.id, prompt: "/scenario edit\nwait my turn" });
  const other = await bob("POST", "/api/tasks", { environmentId: free.id, prompt: "/scenario edit\nnot blocked" });
  await expect.poll(() => status(bob, other.id), { timeout: 60_000 }).toBe("ready");
  expect(await status(alice, second.id)).toBe("queued");
  await acceptAll(alice, first.id);
  await expect.poll(() => status(alice, second.id), { timeout: 60_000 }).toBe("ready");
  expect(await status(alice, first.id)).toBe("ready");
});

test("an approval timeout above MAX_APPROVAL_TIMEOUT_SEC is refused on create and update, naming the bound", async () => {
  const headers = { "content-type": "application/json", authorization: (await tokenOf("alice@fair.test")) };
  const post = await fetch(new URL("/api/environments", server.baseURL), {
    method: "POST",
    headers,
    body: JSON.stringify({ label: "too long", repo: makeRepo(), approvalTimeoutSec: 121 }),
  });
  expect(post.status).toBe(400);
  const body = await post.json();
  expect(body.error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: ["approvalTimeoutSec"] }] });
  expect(body.error.message).toContain("120");
  const labels = (await alice("GET", "/api/environments")).items.map((e: { label: string }) => e.label);
  expect(labels).not.toContain("too long");
  const fine = await alice("POST", "/api/environments", { label: "bounded", repo: makeRepo(), approvalTimeoutSec: 120 });
  const patch = await fetch(new URL(`/api/environments/${fine.id}`, server.baseURL), {
    method: "PATCH",
    headers,
    body: JSON.stringify({ approvalTimeoutSec: 86_400 }),
  });
  expect(patch.status).toBe(400);
  expect((await alice("GET", `/api/environments/${fine.id}`)).approvalTimeoutSec).toBe(120);
});

test("a setup script printing 30 MB keeps its first and last 32 KiB around a marker, and the task completes", async () => {
  test.setTimeout(180_000);
  const loud = await alice("POST", "/api/environments", {
    label: "loud",
    repo: makeRepo(),
    approvalPolicy: "never",
    setupScript: "echo first-line; head -c 31457280 /dev/zero | tr '\\0' x; echo; echo last-line",
  });
  const rssBefore = rssBytes(server.pid)!;
  const task = await alice("POST", "/api/tasks", { environmentId: loud.id, prompt: "/scenario edit\nafter a loud setup" });
  await expect.poll(() => status(alice, task.id), { timeout: 120_000 }).toBe("ready");
  console.log(`server RSS ${Math.round(rssBefore / 2 ** 20)} MB before, ${Math.round(rssBytes(server.pid)! / 2 ** 20)} MB after a 30 MB setup output`);
  const { setup } = await taskOutput(alice, task.id);
  expect(setup).toMatch(/^first-line\nx+\n\[… \d+ bytes omitted …\]\nx+\nlast-line\n$/);
  expect(Buffer.byteLength(setup)).toBeLessThan(65536 + 100);
});

test("stopping a task during its setup script ends the task and leaves no setup process behind", async () => {
  test.setTimeout(120_000);
  const slow = await alice("POST", "/api/environments", { label: "slow", repo: makeRepo(), setupScript: "echo begun; sleep 601.25" });
  const task = await bob("POST", "/api/tasks", { environmentId: slow.id, prompt: "/scenario edit\nnever reached" });
  await expect.poll(async () => (await taskOutput(bob, task.id)).setup, { timeout: 60_000 }).toContain("begun");
  expect(processesRunning("sleep 601.25")).not.toEqual([]);
  await bob("POST", `/api/tasks/${task.id}/interrupt`);
  await expect.poll(() => status(bob, task.id), { timeout: 30_000 }).toBe("cancelled");
  await expect.poll(() => processesRunning("sleep 601.25"), { timeout: 10_000 }).toEqual([]);
  expect((await bob("GET", `/api/tasks/${task.id}`)).attempts.map((a: { status: string }) => a.status)).toEqual(["cancelled"]);
});

test("a prompt over 32 KiB characters, or attempts × prompt over 64 KiB, is refused and no task is made", async () => {
  const headers = { "content-type": "application/json", authorization: await tokenOf("bob@fair.test") };
  const environmentId = (await alice("GET", "/api/environments")).items[0].id;
  const before = (await bob("GET", "/api/tasks")).items.length;
  const refused = async (data: unknown) => {
    const res = await fetch(new URL("/api/tasks", server.baseURL), { method: "POST", headers, body: JSON.stringify(data) });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: ["prompt"] }] });
    return error.details[0].message as string;
  };
  expect(await refused({ environmentId, prompt: "x".repeat(32 * 1024 + 1) })).toContain("32768 characters");
  expect(await refused({ environmentId, prompt: "é".repeat(10_000), attempts: 4 })).toContain("65536 bytes");
  expect((await bob("GET", "/api/tasks")).items.length).toBe(before);
});

test("sign-ups past RATE_LIMIT_SIGNUP from one address get 429 RATE_LIMITED and make no account", async () => {
  const signUp = (email: string) =>
    fetch(new URL("/api/users", server.baseURL), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "correct-horse-battery-staple" }),
    });
  expect((await signUp("carol@fair.test")).status).toBe(201);
  const refused = await signUp("dave@fair.test");
  expect(refused.status).toBe(429);
  const { error } = await refused.json();
  expect(error).toMatchObject({ code: "RATE_LIMITED", details: { retryAfterSec: expect.any(Number) } });
  expect(refused.headers.get("retry-after")).toBe(String(error.details.retryAfterSec));
  const emails = (await alice("GET", "/api/users")).items.map((u: { email: string }) => u.email);
  expect(emails).toContain("carol@fair.test");
  expect(emails).not.toContain("dave@fair.test");
});

test("a socket past MAX_SOCKETS_PER_USER is refused with RATE_LIMITED; closing one makes room", async () => {
  const token = (await tokenOf("bob@fair.test")).slice("Bearer ".length);
  const open: Socket[] = [];
  const connect = () =>
    new Promise<{ socket: Socket; error?: Error & { data?: unknown } }>((resolve) => {
      const socket = io(server.baseURL, { auth: { token }, transports: ["websocket"], reconnection: false });
      open.push(socket);
      socket.once("connect", () => resolve({ socket }));
      socket.once("connect_error", (error) => resolve({ socket, error }));
    });
  try {
    const [first, second] = [await connect(), await connect()];
    expect([first.error, second.error]).toEqual([undefined, undefined]);
    const third = await connect();
    expect(third.error?.message).toBe("RATE_LIMITED");
    expect(third.error?.data).toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("2") });
    first.socket.disconnect();
    await expect.poll(async () => (await connect()).error?.message ?? "connected", { timeout: 10_000 }).toBe("connected");
  } finally {
    for (const socket of open) socket.disconnect();
  }
});

async function tokenOf(email: string): Promise<string> {
  const { token } = await client(server.baseURL, null)("POST", "/api/tokens", { name: "raw", email, password: "correct-horse-battery-staple" });
  return `Bearer ${token}`;
}
