import type { Page, WebSocketRoute } from "@playwright/test";
import { expect, pickEnvironment, signInUi, signUpAdmin, test, tokenFor, uniqueEmail } from "../fixtures";
import { makeRepo } from "../fixtures/repo";

const AGENT = { timeout: 45_000 };

/** Lets the page's Socket.IO connections through until `drop()`, refuses them until `restore()`. */
async function controllableSocket(page: Page) {
  let down = false;
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (down) return void ws.close();
    open.add(ws);
    ws.connectToServer();
  });
  return {
    drop: async () => {
      down = true;
      await Promise.all([...open].map((ws) => ws.close()));
      open.clear();
    },
    restore: () => {
      down = false;
    },
  };
}

test("a page whose socket drops mid-task says so, then catches up without a gap or a repeat", async ({ page, request }) => {
  test.setTimeout(120_000);
  const user = await signUpAdmin(request, "reconnect");
  const headers = { authorization: `Bearer ${await tokenFor(request, user)}` };
  const label = `Repo ${uniqueEmail("reconnect").split("@")[0]}`;
  const env = await request.post("/api/environments", { headers, data: { label, repo: makeRepo(), approvalPolicy: "never" } });
  expect(env.status()).toBe(201);
  const socket = await controllableSocket(page);
  await signInUi(page, user);
  await pickEnvironment(page, label);
  await page.getByLabel("Task prompt").fill("/scenario slow\nKeep going while I am away");
  await page.getByRole("button", { name: "Start task" }).click();
  await expect(page).toHaveURL(/\/tasks\/\w+$/, AGENT);
  const taskId = page.url().split("/").pop()!;
  await expect(page.getByText("Let me look at the repository first.")).toBeVisible(AGENT);

  await socket.drop();
  await expect(page.getByText("Connection lost. Reconnecting…")).toBeVisible();
  const offlineSeq = (await (await request.get(`/api/tasks/${taskId}`, { headers })).json()).lastSeq as number;
  await expect.poll(async () => (await (await request.get(`/api/tasks/${taskId}`, { headers })).json()).status, AGENT).toBe("ready");
  const finalSeq = (await (await request.get(`/api/tasks/${taskId}`, { headers })).json()).lastSeq as number;
  expect(finalSeq).toBeGreaterThan(offlineSeq);
  await expect(page.getByText(/^Summary of the demo run/)).toHaveCount(0);

  socket.restore();
  // An attempt made while the route was refusing may hang until Socket.IO's connect timeout
  // (20 s), and the next one follows within the 5 s backoff ceiling.
  await expect(page.getByText("Connection lost. Reconnecting…")).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText("ready", { exact: true })).toBeVisible();
  await expect(page.getByText(/^Summary of the demo run/)).toHaveCount(1);
  await expect(page.getByText("Let me look at the repository first.")).toHaveCount(1);
  const events = (await (await request.get(`/api/tasks/${taskId}/events?after=0&limit=5000`, { headers })).json()).items as Array<{ type: string; data: { item?: { type?: string } } }>;
  const commands = events.filter((e) => e.type === "item/started" && e.data.item?.type === "commandExecution").length;
  expect(commands).toBe(3);
  await expect(page.getByLabel("Command output")).toHaveCount(commands);
});
