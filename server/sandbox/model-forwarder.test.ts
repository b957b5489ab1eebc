import http from "node:http";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRuntimeEnv } from "../env";
import { type ModelForwarder, startModelForwarder } from "./model-forwarder";

let dir: string;
let provider: http.Server;
let providerUrl: string;
let forwarder: ModelForwarder;
const seen: { url?: string; auth?: string; body: string }[] = [];

beforeAll(async () => {
  setRuntimeEnv({ LOG_LEVEL: "error" });
  dir = await mkdtemp(path.join(tmpdir(), "codex-forwarder-"));
  provider = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ url: req.url, auth: req.headers.authorization, body });
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: one\n\n");
      setTimeout(() => res.end("data: two\n\n"), 20);
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  providerUrl = `http://127.0.0.1:${(provider.address() as { port: number }).port}/api/v1`;
  forwarder = await startModelForwarder({ socketPath: path.join(dir, "model.sock"), target: { baseUrl: providerUrl, apiKey: "sk-held-by-the-server" }, taskId: "t" });
});
afterAll(async () => {
  await forwarder.close();
  provider.close();
  await rm(dir, { recursive: true, force: true });
});

function post(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: path.join(dir, "model.sock"), path: pathname, method: "POST", headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end('{"stream":true}');
  });
}

describe("the model forwarder", () => {
  it("passes codex's requests to the provider's base URL with the server's key, streaming the answer", async () => {
    const answer = await post("/v1/responses?x=1", { authorization: "Bearer from-inside", "content-type": "application/json" });
    expect(answer).toEqual({ status: 200, body: "data: one\n\ndata: two\n\n" });
    expect(seen.at(-1)).toEqual({ url: "/api/v1/responses?x=1", auth: "Bearer sk-held-by-the-server", body: '{"stream":true}' });
  });

  it("refuses every other endpoint, so a command that finds it cannot spend the key elsewhere", async () => {
    const before = seen.length;
    for (const p of ["/v1/files", "/v1/responsesX", "/v2/responses", "/admin"]) expect((await post(p)).status, p).toBe(404);
    expect(seen.length).toBe(before);
  });

  it("listens on a socket the sandbox's uid may connect to", async () => {
    expect((await stat(path.join(dir, "model.sock"))).mode & 0o777).toBe(0o666);
  });
});
