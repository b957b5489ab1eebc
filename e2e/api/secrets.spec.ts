import { createHash } from "node:crypto";
import pg from "pg";
import { expect, test } from "../fixtures";
import { connect } from "../fixtures/fuzz/socket-send";
import { type OwnServer, startOwnServer } from "../fixtures/own-server";
import { makeRepo } from "../fixtures/repo";
import { startGitHttpServer } from "../../server/test/git-http-server";
import { leakedSecrets } from "../fixtures/server-log";

// A private server with debug logging, so that every line it writes is scanned.
let server: OwnServer;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOwnServer({ LOG_LEVEL: "debug" });
});
test.afterAll(async () => server?.stop());

async function passwordHash(url: string, email: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ h: string }>(`SELECT "passwordHash" AS h FROM "User" WHERE email = $1`, [email])).rows[0]!.h;
  } finally {
    await client.end();
  }
}

test("passwords, password hashes, tokens, token hashes, provider keys, environment secrets and git credentials appear in no response, socket event or log line", async () => {
  test.setTimeout(300_000);
  const responses: string[] = [];
  const call = async (method: string, url: string, token: string | null, data?: unknown) => {
    const headers: Record<string, string> = { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const res = await fetch(new URL(url, server.baseURL), { method, headers, body: data === undefined ? undefined : JSON.stringify(data) });
    const text = await res.text();
    responses.push(`${method} ${url} ${res.status} ${JSON.stringify([...res.headers])} ${text}`);
    return text ? (JSON.parse(text) as Record<string, any>) : {};
  };
  const user = { email: "secret-keeper@example.test", password: "correct-horse-battery-staple" };
  await call("POST", "/api/users", null, user);
  await call("POST", "/api/tokens", null, { name: "wrong", email: user.email, password: "not-the-password" });
  const { token } = await call("POST", "/api/tokens", null, { name: "cli", ...user });
  const events: string[] = [];
  const socket = await connect(server.baseURL, { token });
  socket.onAny((event: string, payload: unknown) => events.push(`${event} ${JSON.stringify(payload)}`));

  const providerKey = "sk-provider-key-0123456789abcdef";
  const envKey = "sk-environment-key-fedcba9876543210";
  await call("PUT", "/api/settings/provider-keys/openai", token, { apiKey: providerKey });
  const envSecret = "env-secret-value-5e1f0c2a9b7d";
  const envSecret2 = "env-secret-value-2-77aa31c4";
  const variableValue = "env-variable-value-0d93be12";
  const env = await call("POST", "/api/environments", token, {
    label: "s",
    repo: makeRepo(),
    approvalPolicy: "never",
    model: { provider: "demo", apiKey: envKey },
    variables: [{ name: "PLAIN_SETTING", value: variableValue }],
    secrets: [{ name: "DEPLOY_TOKEN", value: envSecret }],
  });
  await call("PATCH", `/api/environments/${env.id}`, token, { model: { provider: "demo", apiKey: envKey } });
  // Kept by name, one set anew, and a refused one (a reserved name beside a secret value).
  await call("PATCH", `/api/environments/${env.id}`, token, { secrets: [{ name: "DEPLOY_TOKEN" }, { name: "SECOND", value: envSecret2 }] });
  await call("PATCH", `/api/environments/${env.id}`, token, { secrets: [{ name: "DEPLOY_TOKEN", value: envSecret }, { name: "LD_PRELOAD", value: envSecret2 }] });
  await call("PATCH", `/api/environments/${env.id}`, token, { secrets: [{ name: "NEVER_STORED" }, { name: "DEPLOY_TOKEN", value: envSecret }], variables: [{ name: "PLAIN_SETTING", value: variableValue }] });
  // A remote environment's credential: refused once (wrong), stored, replaced, used by a task.
  const gitToken = "tok-git-credential-5b8e2f0a1c";
  const wrongGitToken = "tok-git-wrong-credential-9e0d";
  const host = await startGitHttpServer({ token: gitToken });
  await host.addRepo("secret-repo");
  await call("POST", "/api/environments", token, { label: "r", repo: host.repoUrl("secret-repo"), credential: { token: wrongGitToken } });
  const remote = await call("POST", "/api/environments", token, { label: "r", repo: host.repoUrl("secret-repo"), credential: { token: gitToken }, approvalPolicy: "never" });
  await call("PATCH", `/api/environments/${remote.id}`, token, { credential: { token: wrongGitToken } });
  await call("PATCH", `/api/environments/${remote.id}`, token, { credential: { token: gitToken } });
  const remoteTask = await call("POST", "/api/tasks", token, { environmentId: remote.id, prompt: "/scenario run\ncat .git/config; env" });
  expect(await socket.emitWithAck("task:subscribe", { taskId: remoteTask.id, afterSeq: 0 })).toMatchObject({ ok: true });
  await expect.poll(async () => (await call("GET", `/api/tasks/${remoteTask.id}`, token)).status, { timeout: 120_000 }).toBe("ready");
  for (const url of [`/api/environments/${remote.id}`, `/api/environments/${remote.id}/branches`, `/api/tasks/${remoteTask.id}/events`]) await call("GET", url, token);
  await host.close();
  const task = await call("POST", "/api/tasks", token, { environmentId: env.id, prompt: "/scenario edit\nkeep secrets" });
  expect(await socket.emitWithAck("task:subscribe", { taskId: task.id, afterSeq: 0 })).toMatchObject({ ok: true });
  await expect.poll(async () => (await call("GET", `/api/tasks/${task.id}`, token)).status, { timeout: 120_000 }).toBe("ready");
  for (const url of ["/api/environments", `/api/environments/${env.id}`, "/api/tokens", "/api/settings/provider-keys", "/api/audit", `/api/tasks/${task.id}/events`, "/api/openapi.json"]) {
    await call("GET", url, token);
  }
  socket.close();

  const secrets = {
    password: user.password,
    passwordHash: await passwordHash(server.databaseUrl, user.email),
    token,
    tokenHash: createHash("sha256").update(token).digest("hex"),
    providerKey,
    envKey,
    envSecret,
    envSecret2,
    gitToken,
    wrongGitToken,
    gitBasicAuth: Buffer.from(`x-access-token:${gitToken}`).toString("base64"),
  };
  expect(events.length).toBeGreaterThan(0);
  expect(server.lines.length).toBeGreaterThan(0);
  expect(leakedSecrets(responses.filter((r) => !r.startsWith("POST /api/tokens")).join("\n"), secrets), "API responses").toEqual([]);
  // Token creation shows the new token once, by design; nothing else.
  const { token: shownOnce, ...others } = secrets;
  expect(responses.some((r) => r.startsWith("POST /api/tokens") && r.includes(shownOnce))).toBe(true);
  expect(leakedSecrets(responses.filter((r) => r.startsWith("POST /api/tokens")).join("\n"), others), "token creation").toEqual([]);
  expect(leakedSecrets(events.join("\n"), secrets), "socket events").toEqual([]);
  expect(leakedSecrets(server.lines.join("\n"), secrets), "server log").toEqual([]);
  // Variables are returned to their users, but never logged either.
  expect(responses.some((r) => r.includes(variableValue))).toBe(true);
  expect(leakedSecrets(server.lines.join("\n"), { variableValue }), "server log").toEqual([]);
});
