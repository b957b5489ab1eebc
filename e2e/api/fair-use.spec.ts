import { expect, test } from "../fixtures";
import { type Call, client, signUpWithToken } from "../fixtures/hostile";
import { type OwnServer, startOwnServer } from "../fixtures/own-server";
import { makeRepo } from "../fixtures/repo";

// Fair use on a small instance: two process slots, one per user, approvals wait at most 120 s.

test.describe.configure({ mode: "serial" });

let server: OwnServer;
let alice: Call;
let bob: Call;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer({ MAX_RUNNING_TASKS: "2", MAX_RUNNING_TASKS_PER_USER: "1", MAX_APPROVAL_TIMEOUT_SEC: "120" });
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

async function tokenOf(email: string): Promise<string> {
  const { token } = await client(server.baseURL, null)("POST", "/api/tokens", { name: "raw", email, password: "correct-horse-battery-staple" });
  return `Bearer ${token}`;
}
