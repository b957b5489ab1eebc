import { spawnSync } from "node:child_process";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEgressProxy, type EgressPolicy, type EgressProxy, type EgressProxyOptions } from "./egress-proxy";

// Real sockets, loopback only: fake names resolve to 127.0.0.1 through the injected lookup and
// reach the test upstreams through allowLocal. Nothing here may connect past loopback.

const NAMES: Record<string, string[]> = {
  "allowed.test": ["127.0.0.1"],
  "sub.allowed.test": ["127.0.0.1"],
  "rebind.test": ["127.0.0.1"],
  localhost: ["127.0.0.1", "::1"],
};
const fakeLookup = async (host: string) => {
  const addresses = NAMES[host];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return addresses;
};

let dir: string;
let echo: net.Server;
let echoPort: number;
let web: http.Server;
let webPort: number;
/** Stands for the server's own port: nothing may reach it. */
let guarded: net.Server;
let guardedPort: number;
let guardedHits = 0;
const proxies: EgressProxy[] = [];

const listen = async <T extends net.Server>(server: T): Promise<number> => {
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return (server.address() as AddressInfo).port;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "egress-test-"));
  echo = net.createServer((socket) => socket.pipe(socket));
  echoPort = await listen(echo);
  web = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      res.writeHead(201, { "content-type": "application/json", "x-upstream": "yes", "keep-alive": "timeout=5", "proxy-authenticate": "Basic" });
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() }));
    });
  });
  webPort = await listen(web);
  guarded = net.createServer((socket) => {
    guardedHits += 1;
    socket.destroy();
  });
  guardedPort = await listen(guarded);
});

afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

afterAll(async () => {
  for (const server of [echo, web, guarded]) server.close();
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function proxy(policy: EgressPolicy, extra: Partial<Omit<EgressProxyOptions, "socketPath" | "policy">> = {}) {
  const started = await startEgressProxy({ socketPath: path.join(dir, `p${++counter}.sock`), policy, lookup: fakeLookup, ...extra });
  proxies.push(started);
  return started;
}

/** Writes a raw request and reads until the proxy closes the connection. */
function exchange(socketPath: string, request: string): Promise<string> {
  return new Promise((ok, fail) => {
    const socket = net.connect({ path: socketPath });
    let text = "";
    socket.on("data", (c: Buffer) => (text += c.toString()));
    socket.on("error", fail);
    socket.on("close", () => ok(text));
    socket.write(request);
  });
}

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
const connect = (socketPath: string, authority: string) => exchange(socketPath, `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`);

/** Opens a CONNECT tunnel and resolves with the socket once the proxy answered 200. */
function openTunnel(socketPath: string, authority: string): Promise<net.Socket> {
  return new Promise((ok, fail) => {
    const socket = net.connect({ path: socketPath });
    socket.on("error", fail);
    socket.once("data", (c: Buffer) => (c.toString().startsWith("HTTP/1.1 200 Connection Established\r\n\r\n") ? ok(socket) : fail(new Error(c.toString()))));
    socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`);
  });
}

const reply = (socket: net.Socket, text: string) =>
  new Promise<string>((ok) => {
    socket.once("data", (c: Buffer) => ok(c.toString()));
    socket.write(text);
  });

describe("egress proxy: what gets through", () => {
  it("tunnels CONNECT to an allowed upstream, to the checked address (one lookup, never by name again)", async () => {
    let lookups = 0;
    const lookup = async (host: string) => ((lookups += 1), fakeLookup(host));
    const p = await proxy({ allowedDomains: ["rebind.test"], allowLocal: [`rebind.test:${echoPort}`] }, { lookup });
    const tunnel = await openTunnel(p.socketPath, `rebind.test:${echoPort}`);
    expect(await reply(tunnel, "ping through the tunnel")).toBe("ping through the tunnel");
    tunnel.destroy();
    expect(lookups).toBe(1);
  });

  it("forwards a plain HTTP request with its body both ways, without hop-by-hop and Proxy-* headers", async () => {
    const p = await proxy({ allowedDomains: ["allowed.test"], allowLocal: [`allowed.test:${webPort}`] });
    const body = "x".repeat(100_000);
    const headers = {
      host: "wrong.example",
      "proxy-authorization": "Basic c2VjcmV0",
      "proxy-connection": "keep-alive",
      connection: "close, x-drop-me",
      "x-drop-me": "1",
      "x-keep": "2",
      "content-length": String(body.length),
    };
    const res = await new Promise<http.IncomingMessage>((ok, fail) => {
      // Node's client sends `path` verbatim: an absolute-form request target.
      const req = http.request({ socketPath: p.socketPath, method: "POST", path: `http://allowed.test:${webPort}/v1/thing?q=1`, headers }, ok);
      req.on("error", fail);
      req.end(body);
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers).toMatchObject({ "x-upstream": "yes" });
    expect(res.headers["keep-alive"]).toBeUndefined();
    expect(res.headers["proxy-authenticate"]).toBeUndefined();
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    const seen = JSON.parse(Buffer.concat(chunks).toString());
    expect(seen).toMatchObject({ method: "POST", url: "/v1/thing?q=1", body });
    expect(seen.headers).toMatchObject({ host: `allowed.test:${webPort}`, "x-keep": "2" });
    expect(seen.headers["proxy-authorization"]).toBeUndefined();
    expect(seen.headers["proxy-connection"]).toBeUndefined();
    expect(seen.headers["x-drop-me"]).toBeUndefined();
  });

  it("lets a wildcard entry through for sub-domains, not the domain itself", async () => {
    const refusals: string[] = [];
    const p = await proxy({ allowedDomains: ["*.allowed.test"], allowLocal: [`sub.allowed.test:${echoPort}`] }, { onRefused: (i) => refusals.push(i.host) });
    (await openTunnel(p.socketPath, `SUB.allowed.test.:${echoPort}`)).destroy();
    expect(statusOf(await connect(p.socketPath, `allowed.test:${echoPort}`))).toBe(403);
    expect(refusals).toEqual(["allowed.test"]);
  });
});

describe("egress proxy: what is refused", () => {
  it("answers 403 for a domain not allowed, says why, and reports it", async () => {
    const refusals: unknown[] = [];
    const p = await proxy({ allowedDomains: ["allowed.test"] }, { onRefused: (i) => refusals.push(i) });
    const response = await connect(p.socketPath, "example.org:443");
    expect(statusOf(response)).toBe(403);
    expect(response).toContain("Codex Cloud: example.org is not in this environment's allowed domains");
    expect(refusals).toEqual([{ host: "example.org", port: 443, reason: "example.org is not in this environment's allowed domains" }]);
    expect(await exchange(p.socketPath, "GET http://example.org/ HTTP/1.1\r\nHost: example.org\r\n\r\n")).toMatch(/^HTTP\/1\.1 403[\s\S]*not in this environment's allowed domains/);
  });

  it("refuses every local form of the server's port, by CONNECT and by plain HTTP", async () => {
    const p = await proxy({ allowedDomains: null }, { lookup: async (h) => (h === "sneaky.test" ? ["10.0.0.1", "127.0.0.1"] : fakeLookup(h)) });
    const hosts = ["127.0.0.1", "localhost", "[::1]", "0.0.0.0", "169.254.169.254", "[::ffff:127.0.0.1]", "rebind.test", "sneaky.test", "127.1"];
    for (const host of hosts) {
      const response = await connect(p.socketPath, `${host}:${guardedPort}`);
      expect(statusOf(response), host).toBe(403);
      expect(response, host).toContain("local addresses are not reachable from a task");
      expect(statusOf(await exchange(p.socketPath, `GET http://${host}:${guardedPort}/ HTTP/1.1\r\nHost: x\r\n\r\n`)), host).toBe(403);
    }
    expect(guardedHits).toBe(0);
  });

  it("refuses localhost with the real resolver too", async () => {
    const p = await startEgressProxy({ socketPath: path.join(dir, "real-dns.sock"), policy: { allowedDomains: null } });
    proxies.push(p);
    expect(statusOf(await connect(p.socketPath, `localhost:${guardedPort}`))).toBe(403);
    expect(guardedHits).toBe(0);
  });

  it("opens only the exact host:port an allowLocal entry names", async () => {
    const p = await proxy({ allowedDomains: null, allowLocal: [`allowed.test:${echoPort}`] });
    (await openTunnel(p.socketPath, `allowed.test:${echoPort}`)).destroy();
    expect(statusOf(await connect(p.socketPath, `allowed.test:${guardedPort}`))).toBe(403);
    expect(statusOf(await connect(p.socketPath, `127.0.0.1:${echoPort}`))).toBe(403);
    expect(statusOf(await connect(p.socketPath, `localhost:${echoPort}`))).toBe(403);
    expect(guardedHits).toBe(0);
  });
});

describe("egress proxy: failures", () => {
  it("answers 502 when the upstream refuses the connection or the name does not resolve", async () => {
    const closed = net.createServer();
    const deadPort = await listen(closed);
    await new Promise((ok) => closed.close(ok));
    const p = await proxy({ allowedDomains: null, allowLocal: [`allowed.test:${deadPort}`] });
    expect(statusOf(await connect(p.socketPath, `allowed.test:${deadPort}`))).toBe(502);
    expect(statusOf(await exchange(p.socketPath, `GET http://allowed.test:${deadPort}/ HTTP/1.1\r\nHost: x\r\n\r\n`))).toBe(502);
    expect(statusOf(await connect(p.socketPath, "nowhere.test:443"))).toBe(502);
  });

  it("answers 504 when the lookup takes longer than the connect timeout", async () => {
    const p = await proxy({ allowedDomains: null }, { connectTimeoutMs: 50, lookup: () => new Promise(() => {}) });
    const response = await connect(p.socketPath, "slow.test:443");
    expect(statusOf(response)).toBe(504);
    expect(response).toContain("timed out");
  });

  it("answers 400 to origin-form, https absolute-form, a bad CONNECT target and garbage", async () => {
    const p = await proxy({ allowedDomains: null });
    const requests = [
      "GET /v1/responses HTTP/1.1\r\nHost: allowed.test\r\n\r\n",
      "GET https://allowed.test/ HTTP/1.1\r\nHost: allowed.test\r\n\r\n",
      "GET http://bad_host!/ HTTP/1.1\r\nHost: x\r\n\r\n",
      "CONNECT allowed.test HTTP/1.1\r\nHost: allowed.test\r\n\r\n",
      "CONNECT allowed.test:99999 HTTP/1.1\r\nHost: allowed.test\r\n\r\n",
      "HELLO THERE\r\n\r\n",
    ];
    for (const request of requests) expect(statusOf(await exchange(p.socketPath, request)), request).toBe(400);
  });

  it("survives clients that hang up mid-request and an onRefused that throws", async () => {
    const p = await proxy({ allowedDomains: ["allowed.test"], allowLocal: [`allowed.test:${echoPort}`] }, {
      onRefused: () => {
        throw new Error("listener bug");
      },
    });
    const rude = net.connect({ path: p.socketPath });
    rude.on("error", () => {});
    rude.write(`CONNECT allowed.test:${echoPort} HTTP/1.1\r\n`);
    rude.destroy();
    const tunnel = await openTunnel(p.socketPath, `allowed.test:${echoPort}`);
    tunnel.destroy();
    expect(statusOf(await connect(p.socketPath, "example.org:443"))).toBe(403);
    (await openTunnel(p.socketPath, `allowed.test:${echoPort}`)).destroy();
  });
});

describe("egress proxy: lifecycle", () => {
  it("listens on a socket anyone may connect to, replacing a stale one, and leaves regular files alone", async () => {
    const stale = path.join(dir, "stale.sock");
    const script = `require("net").createServer().listen(${JSON.stringify(stale)}, () => process.kill(process.pid, "SIGKILL"))`;
    spawnSync(process.execPath, ["-e", script]);
    expect((await stat(stale)).isSocket()).toBe(true);
    const p = await startEgressProxy({ socketPath: stale, policy: { allowedDomains: null }, lookup: fakeLookup });
    proxies.push(p);
    expect((await stat(stale)).mode & 0o777).toBe(0o666);
    const file = path.join(dir, "not-a-socket");
    await writeFile(file, "keep me");
    await expect(startEgressProxy({ socketPath: file, policy: { allowedDomains: null } })).rejects.toThrow(/not a socket/);
    expect((await stat(file)).isFile()).toBe(true);
  });

  it("close() ends open tunnels and removes the socket file", async () => {
    const p = await startEgressProxy({ socketPath: path.join(dir, "closing.sock"), policy: { allowedDomains: null, allowLocal: [`allowed.test:${echoPort}`] }, lookup: fakeLookup });
    const tunnel = await openTunnel(p.socketPath, `allowed.test:${echoPort}`);
    const ended = new Promise((ok) => tunnel.once("close", ok));
    await p.close();
    await ended;
    await expect(stat(p.socketPath)).rejects.toThrow(/ENOENT/);
  });
});
