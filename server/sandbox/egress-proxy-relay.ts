import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import net, { type Socket } from "node:net";
import type { Duplex } from "node:stream";
import { logger } from "../logger";
import { parseHostPort, validTarget, type HostPort } from "./egress-policy";

// The two ways through the egress proxy: a CONNECT tunnel and a forwarded absolute-form
// request. Both connect to the address `admit` checked, never to the name.

/** Where to connect, or the answer to give instead. */
export type Admission = { address: string } | { status: number; message: string };

export class TimeoutError extends Error {}

/** What a relay needs from the proxy that runs it. */
export interface Relay {
  admit(target: HostPort): Promise<Admission>;
  /** Every socket is tracked so that close() can destroy it. */
  track(socket: Duplex): void;
  closing(): boolean;
  timeoutMs: number;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade"]);
const STATUS_TEXT: Record<number, string> = { 400: "Bad Request", 403: "Forbidden", 502: "Bad Gateway", 504: "Gateway Timeout" };

/** A plain-text answer on a raw socket (CONNECT and unparsable requests), then close. */
export function rawResponse(socket: Duplex, status: number, message: string): void {
  const body = Buffer.from(`${message}\n`);
  const head = `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? ""}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n`;
  if (socket.writable) socket.end(Buffer.concat([Buffer.from(head), body]));
  else socket.destroy();
}

function textResponse(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: "close" });
  res.end(`${message}\n`);
}

/** Without hop-by-hop headers (those named in Connection too) and Proxy-*. */
function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const named = new Set(String(headers.connection ?? "").split(",").map((h) => h.trim().toLowerCase()));
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !named.has(name) && !name.startsWith("proxy-")));
}

/** An absolute-form http:// request target; null for origin-form and anything else. */
function absoluteHttpUrl(target: string): URL | null {
  if (!/^http:\/\//i.test(target)) return null;
  try {
    return new URL(target);
  } catch {
    return null;
  }
}

export async function tunnel(relay: Relay, req: IncomingMessage, client: Duplex, head: Buffer): Promise<void> {
  const target = parseHostPort(req.url ?? "");
  if (!target) return rawResponse(client, 400, "Codex Cloud: CONNECT needs host:port");
  const admission = await relay.admit(target);
  if ("status" in admission) return rawResponse(client, admission.status, admission.message);
  if (relay.closing() || client.destroyed) return void client.destroy();
  const where = `${target.host}:${target.port}`;
  const upstream = net.connect({ host: admission.address, port: target.port });
  relay.track(upstream);
  let connected = false;
  const timer = setTimeout(() => {
    rawResponse(client, 504, `Codex Cloud: connecting to ${where} timed out`);
    upstream.destroy();
  }, relay.timeoutMs);
  upstream.once("close", () => clearTimeout(timer));
  upstream.once("connect", () => {
    connected = true;
    clearTimeout(timer);
    client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    if (head.length > 0) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
    upstream.once("close", () => client.destroy());
  });
  upstream.on("error", (error) => {
    logger.debug("egress upstream error", { target: where, error });
    if (connected) client.destroy();
    else rawResponse(client, 502, `Codex Cloud: could not connect to ${where}`);
  });
  client.once("close", () => upstream.destroy());
}

export async function forward(relay: Relay, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = absoluteHttpUrl(req.url ?? "");
  const target = url && validTarget(url.hostname, Number(url.port || 80));
  if (!url || !target) return textResponse(res, 400, "Codex Cloud: this is a proxy; send absolute http:// URLs, or CONNECT for https");
  const admission = await relay.admit(target);
  if ("status" in admission) return textResponse(res, admission.status, admission.message);
  if (relay.closing() || req.destroyed) return void res.destroy();
  const upstream = http.request({
    host: admission.address,
    port: target.port,
    method: req.method,
    path: `${url.pathname}${url.search}`,
    headers: { ...endToEnd(req.headers), host: url.host },
    agent: false,
  });
  const timer = setTimeout(() => upstream.destroy(new TimeoutError()), relay.timeoutMs);
  upstream.once("close", () => clearTimeout(timer));
  upstream.once("socket", (socket: Socket) => {
    relay.track(socket);
    socket.once("connect", () => clearTimeout(timer));
  });
  upstream.on("response", (upRes) => {
    res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, endToEnd(upRes.headers));
    upRes.pipe(res);
    upRes.on("error", () => res.destroy());
  });
  upstream.on("error", (error) => {
    logger.debug("egress upstream error", { target: url.host, error });
    if (error instanceof TimeoutError) textResponse(res, 504, `Codex Cloud: connecting to ${url.host} timed out`);
    else textResponse(res, 502, `Codex Cloud: could not reach ${url.host}`);
  });
  res.once("close", () => upstream.destroy());
  req.pipe(upstream);
}
