import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { expect, test } from "../fixtures";
import { type Call, expectReady, fakeInternet, probeLine, probeResults, settled, signUpWithToken, taskOutput } from "../fixtures/hostile";
import { type OwnServer, startOwnServer } from "../fixtures/own-server";
import { makeRepo } from "../fixtures/repo";

// A signed-up member attacks the instance from inside a task, from the setup script and from an
// agent command (the demo model's `run` scenario runs exactly the prompt's second line), with
// codex's own sandbox switched off (danger-full-access, no approvals): the task sandbox is the
// only boundary left. Real server, real bubblewrap, real codex.

test.describe.configure({ mode: "serial" });

let server: OwnServer;
let internet: { port: number; server: Server | import("node:http").Server };
let admin: Call;
let member: Call;
const SERVER_KEY = "sk-server-openai-key-0123456789";
const ENV_KEY = "sk-environment-key-9876543210";
const SECRET = "s3cret-value-for-setup-only";

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

let demoPort: number;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  internet = await fakeInternet();
  demoPort = await freePort();
  server = await startOwnServer({
    DEMO_MODEL_PORT: String(demoPort),
    OPENAI_API_KEY: SERVER_KEY,
    EGRESS_ALLOW_LOCAL: `127.0.0.1:${internet.port}`,
    SANDBOX_MAX_PROCESSES: "256",
    SETUP_TIMEOUT_SEC: "15",
  });
  admin = await signUpWithToken(server.baseURL, "admin@hostile.test");
  member = await signUpWithToken(server.baseURL, "member@hostile.test");
});
test.afterAll(async () => {
  await server?.stop();
  internet?.server.close();
});

/** An environment (made by the admin) whose setup script is `setup`; a member's task on it running `command`. */
async function attack(opts: { setup?: string; command: string; env?: Record<string, unknown>; fails?: boolean }): Promise<string> {
  const environment = await admin("POST", "/api/environments", {
    label: "hostile",
    repo: makeRepo(),
    approvalPolicy: "never",
    sandbox: "danger-full-access",
    model: { provider: "demo" },
    ...(opts.setup ? { setupScript: opts.setup } : {}),
    ...opts.env,
  });
  const task = await member("POST", "/api/tasks", { environmentId: environment.id, prompt: `/scenario run\n${opts.command}` });
  if (opts.fails) expect(await settled(member, task.id)).toBe("error");
  else await expectReady(member, task.id);
  return task.id;
}

test("nothing of the server, its data or another user's work is reachable from a setup script or an agent command", async () => {
  test.setTimeout(180_000);
  const victim = await admin("POST", "/api/environments", { label: "victim", repo: makeRepo(), approvalPolicy: "never", model: { provider: "demo" } });
  const victimTask = await admin("POST", "/api/tasks", { environmentId: victim.id, prompt: "/scenario edit\nprivate work" });
  await expectReady(admin, victimTask.id);
  const otherFile = path.join(server.dataDir, "tasks", victimTask.id, "attempt-0", "CODEX_DEMO.md");
  expect(existsSync(otherFile)).toBe(true);
  for (const name of ["auth-secret", "postgres.json"]) {
    const file = path.join(server.dataDir, name);
    if (!existsSync(file)) writeFileSync(file, `canary ${name}\n`, { mode: 0o600 });
  }
  const dbPort = new URL(server.databaseUrl).port || "5432";
  const probes = (phase: string) => ({
    "auth-secret": `cat ${server.dataDir}/auth-secret`,
    "postgres-json": `cat ${server.dataDir}/postgres.json`,
    "data-dir": `ls ${server.dataDir}/tasks | grep -q ${victimTask.id}`,
    "other-workspace": `cat ${otherFile}`,
    "list-root": "ls /root",
    "server-environ": `cat /proc/${server.pid}/environ`,
    "write-outside": `touch ${server.dataDir}/pwned-${phase}`,
    "server-http": `exec 3<>/dev/tcp/127.0.0.1/${new URL(server.baseURL).port}`,
    "server-http-proxy": `curl -sf --max-time 5 --noproxy '' ${server.baseURL}/api/health`,
    "database-port": `exec 3<>/dev/tcp/127.0.0.1/${dbPort}`,
    "demo-model-port": `exec 3<>/dev/tcp/127.0.0.1/${demoPort}`,
    "signal-server": `kill -0 ${server.pid}`,
    "provider-key": `cat /proc/*/environ /etc/codex/config.toml \${CODEX_HOME:-/nonexistent}/config.toml 2>/dev/null | grep -a -e ${SERVER_KEY} -e ${ENV_KEY}`,
    "runs-as-root": `test "$(id -u)" = 0`,
  });
  const taskId = await attack({
    setup: probeLine(probes("setup")),
    command: probeLine(probes("agent")),
    env: { model: { provider: "custom", baseUrl: `http://127.0.0.1:${demoPort}/v1`, apiKey: ENV_KEY } },
  });
  const out = await taskOutput(member, taskId);
  const names = Object.keys(probes("setup"));
  const allBlocked = Object.fromEntries(names.map((n) => [n, "blocked"]));
  expect(probeResults(out.setup)).toEqual(allBlocked);
  expect(out.commands).toHaveLength(1);
  expect(probeResults(out.commands[0]!)).toEqual(allBlocked);
  for (const phase of ["setup", "agent"]) expect(existsSync(path.join(server.dataDir, `pwned-${phase}`))).toBe(false);
  // No noise from the host's shell profile in what the task prints.
  expect(out.setup.split("\n").filter((l) => l && !l.startsWith("PROBE "))).toEqual([]);
  expect(out.commands[0]!.split("\n").filter((l) => l && !l.startsWith("PROBE "))).toEqual([]);
  // The instance is unharmed.
  expect((await admin("GET", "/api/health")).ok).toBe(true);
  expect(server.alive()).toBe(true);
});

test("the network of a task follows its environment's internet setting; the model is always reached", async () => {
  test.setTimeout(180_000);
  const reach = `curl -sf --max-time 5 --noproxy '' http://127.0.0.1:${internet.port}/ | grep -q "hello from the internet"`;
  const line = probeLine({ internet: reach });
  const cases = [
    { internet: "off", setup: "blocked", agent: "blocked" },
    { internet: "setup", setup: "REACHED", agent: "blocked" },
    { internet: "on", setup: "REACHED", agent: "REACHED" },
    { internet: "on", allowedDomains: ["127.0.0.1"], setup: "REACHED", agent: "REACHED" },
    { internet: "on", allowedDomains: ["example.com"], setup: "REACHED", agent: "blocked" },
  ];
  for (const c of cases) {
    const taskId = await attack({ setup: line, command: line, env: { internet: c.internet, allowedDomains: c.allowedDomains ?? [] } });
    const out = await taskOutput(member, taskId);
    expect({ ...c, setup: probeResults(out.setup).internet, agent: probeResults(out.commands[0] ?? "").internet }).toEqual(c);
  }
});

test("secrets reach the setup script only; variables reach setup and agent", async () => {
  test.setTimeout(120_000);
  // The script compares hashes, so the secret itself is written nowhere but in the environment.
  const hash = createHash("sha256").update(`${SECRET}\n`).digest("hex");
  const check = `echo "var=$GREETING"; if [ "$(echo "$API_TOKEN" | sha256sum | cut -d" " -f1)" = "${hash}" ]; then echo secret-present; else echo secret-absent; fi`;
  const taskId = await attack({
    setup: check,
    command: check,
    env: { variables: [{ name: "GREETING", value: "hello-variable" }], secrets: [{ name: "API_TOKEN", value: SECRET }] },
  });
  const out = await taskOutput(member, taskId);
  expect(out.setup).toContain("var=hello-variable\nsecret-present");
  expect(out.commands[0]).toContain("var=hello-variable\nsecret-absent");
  expect(JSON.stringify(await member("GET", `/api/tasks/${taskId}/events?limit=5000`))).not.toContain(SECRET);
});

test("a fork bomb is bounded and a setup script past its time limit is ended with every process it started", async () => {
  test.setTimeout(180_000);
  const bomb = `perl -e 'my $n = 0; for (1..3000) { my $p = fork(); last unless defined $p; if ($p == 0) { sleep 60; exit } $n++ } print "forked=$n\\n"'`;
  const bounded = await attack({ setup: bomb, command: "echo still-alive" });
  const forked = Number(/forked=(\d+)/.exec((await taskOutput(member, bounded)).setup)?.[1]);
  expect(forked).toBeGreaterThan(0);
  expect(forked).toBeLessThan(256);
  expect((await taskOutput(member, bounded)).commands[0]).toContain("still-alive");

  const marker = `sleep ${600 + Math.floor(Math.random() * 1000)}`;
  const hung = await attack({ setup: `${marker} & ${marker} & echo started; wait`, command: "true", fails: true });
  expect((await taskOutput(member, hung)).setup).toContain("timed out");
  // The task's app-server may still be up (idle); what the setup script started must be gone.
  const left = () => execFileSync("ps", ["-e", "-o", "args="], { encoding: "utf8" }).split("\n").filter((l) => l.trim() === marker).length;
  await expect.poll(left, { timeout: 10_000 }).toBe(0);
  expect((await admin("GET", "/api/health")).ok).toBe(true);
});
