import { io, type Socket } from "socket.io-client";
import { baseURL } from "../playwright.config";
import { expect, signInUi, signUp, test, tokenFor } from "../fixtures";

function connect(auth: Record<string, string>, extraHeaders?: Record<string, string>): Promise<Socket> {
  const socket = io(baseURL, { auth, extraHeaders, transports: ["websocket"], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => (socket.close(), reject(error)));
  });
}

test("the Socket.IO handshake refuses a missing or revoked token with UNAUTHENTICATED", async ({ request }) => {
  await expect(connect({})).rejects.toThrow("UNAUTHENTICATED");
  await expect(connect({ token: "ccp_not-a-token" })).rejects.toThrow("UNAUTHENTICATED");

  const user = await signUp(request, "sock");
  const token = await tokenFor(request, user);
  const list = await (await request.get("/api/tokens", { headers: { authorization: `Bearer ${token}` } })).json();
  await request.delete(`/api/tokens/${list.items[0].id}`, { headers: { authorization: `Bearer ${token}` } });
  await expect(connect({ token })).rejects.toThrow("UNAUTHENTICATED");
});

test("a token connects; subscribing to an unknown task or a bad payload answers in the error shape", async ({ request }) => {
  const token = await tokenFor(request, await signUp(request, "sock2"));
  const socket = await connect({ token });
  try {
    const missing = await socket.emitWithAck("task:subscribe", { taskId: "does-not-exist", afterSeq: 0 });
    expect(missing).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "Task not found." } });
    const bad = await socket.emitWithAck("task:subscribe", { taskId: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
  } finally {
    socket.close();
  }
});

test("the session cookie of a signed-in browser also authenticates the socket", async ({ page, request }) => {
  await signInUi(page, await signUp(request, "sockcookie"));
  const cookies = await page.context().cookies();
  const header = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const socket = await connect({}, { cookie: header });
  expect(socket.connected).toBe(true);
  socket.close();
});
