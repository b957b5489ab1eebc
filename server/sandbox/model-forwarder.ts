import http from "node:http";
import https from "node:https";
import { chmod, rm } from "node:fs/promises";
import { logger } from "../logger";

// The task's way to its model. codex inside the sandbox talks plain HTTP to a loopback port that
// leads here (bridges.ts); this server sends the request on to the environment's provider and
// adds the API key itself, so no key ever enters the sandbox. Only the endpoints codex uses for
// a turn are passed on: a command inside cannot use the key for anything else.

export interface ModelTarget {
  /** The provider's base URL, ending in /v1 (or its equivalent). */
  baseUrl: string;
  apiKey?: string;
}

/** Where codex inside the sandbox finds its model (the bridge's port, see task-sandbox.ts). */
export const FORWARDED_PREFIX = "/v1";
const ALLOWED = /^\/v1\/(responses|models)(\/|\?|$)/;
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host", "authorization"]);

export interface ModelForwarder {
  close(): Promise<void>;
}

function targetUrl(base: string, requestPath: string): URL {
  const url = new URL(base);
  const rest = requestPath.slice(FORWARDED_PREFIX.length);
  const [pathname, query] = rest.split("?", 2) as [string, string | undefined];
  url.pathname = `${url.pathname.replace(/\/$/, "")}${pathname}`;
  url.search = query ? `?${query}` : "";
  return url;
}

function forward(target: ModelTarget, req: http.IncomingMessage, res: http.ServerResponse, taskId: string): void {
  if (!ALLOWED.test(req.url ?? "")) {
    logger.warn("model forwarder refused a request", { taskId, method: req.method, path: req.url });
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "Codex Cloud forwards only the model's responses and models endpoints." } }));
    return;
  }
  const url = targetUrl(target.baseUrl, req.url!);
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
  if (target.apiKey) headers.authorization = `Bearer ${target.apiKey}`;
  const client = url.protocol === "https:" ? https : http;
  const upstream = client.request(url, { method: req.method, headers }, (answer) => {
    const out: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
    res.writeHead(answer.statusCode ?? 502, out);
    answer.pipe(res);
  });
  upstream.on("error", (error) => {
    logger.warn("model provider unreachable", { taskId, host: url.host, error: error.message });
    if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: `The model provider could not be reached: ${error.message}` } }));
    else res.destroy();
  });
  res.on("close", () => upstream.destroy());
  req.pipe(upstream);
}

/** Listens on `socketPath` for the task's model requests. */
export async function startModelForwarder(opts: { socketPath: string; target: ModelTarget; taskId: string }): Promise<ModelForwarder> {
  const server = http.createServer((req, res) => forward(opts.target, req, res, opts.taskId));
  server.on("clientError", (_error, socket) => socket.destroy());
  await rm(opts.socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.socketPath, () => resolve());
  });
  await chmod(opts.socketPath, 0o666);
  return {
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(opts.socketPath, { force: true });
    },
  };
}
