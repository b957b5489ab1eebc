import { lookup as dnsLookup } from "node:dns/promises";
import { chmod, lstat, rm } from "node:fs/promises";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { logger } from "../logger";
import { checkTarget, type EgressPolicy, type HostPort, type Lookup } from "./egress-policy";
import { forward, rawResponse, TimeoutError, tunnel, type Admission, type Relay } from "./egress-proxy-relay";

// A task's only way out of its network namespace: an HTTP proxy on a Unix socket that the
// sandbox reaches through socat. CONNECT opens a tunnel, an absolute-form request is forwarded;
// both go to the address the policy checked, never to the name again (no DNS rebinding).

export type { EgressPolicy } from "./egress-policy";

export interface EgressRefusal {
  host: string;
  port: number;
  reason: string;
}

export interface EgressProxyOptions {
  socketPath: string;
  policy: EgressPolicy;
  onRefused?: (info: EgressRefusal) => void;
  /** For the lookup, and again for the connect; default 10 s. */
  connectTimeoutMs?: number;
  /** Injectable for tests; default dns.promises.lookup with all addresses. */
  lookup?: Lookup;
}

export interface EgressProxy {
  socketPath: string;
  close(): Promise<void>;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

const defaultLookup: Lookup = async (host) => (await dnsLookup(host, { all: true })).map((a) => a.address);

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new TimeoutError()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Removes a socket file left by a previous run; refuses to delete anything else. */
async function removeStaleSocket(socketPath: string): Promise<void> {
  const stat = await lstat(socketPath).catch(() => null);
  if (!stat) return;
  if (!stat.isSocket()) throw new Error(`${socketPath} exists and is not a socket`);
  await rm(socketPath, { force: true });
}

/**
 * Serves one task's egress on `socketPath` (mode 0666, for the sandbox's uid) under `policy`.
 * Refusals answer 403, unreachable upstreams 502, timeouts 504, anything malformed 400.
 */
export async function startEgressProxy(opts: EgressProxyOptions): Promise<EgressProxy> {
  const { socketPath, policy } = opts;
  const lookup = opts.lookup ?? defaultLookup;
  const timeoutMs = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const sockets = new Set<Duplex>();
  let closing = false;

  const track = (socket: Duplex) => {
    if (closing) return void socket.destroy();
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };

  function refused(info: EgressRefusal): void {
    logger.info("egress refused", { ...info });
    try {
      opts.onRefused?.(info);
    } catch (error) {
      logger.error("egress onRefused threw", { error });
    }
  }

  async function admit(target: HostPort): Promise<Admission> {
    try {
      const verdict = await withTimeout(checkTarget(target, policy, lookup), timeoutMs);
      if (verdict.ok) return { address: verdict.address };
      refused({ ...target, reason: verdict.reason });
      return { status: 403, message: `Codex Cloud: ${verdict.reason}` };
    } catch (error) {
      if (error instanceof TimeoutError) return { status: 504, message: `Codex Cloud: looking up ${target.host} timed out` };
      logger.debug("egress lookup failed", { host: target.host, error });
      return { status: 502, message: `Codex Cloud: could not resolve ${target.host}` };
    }
  }

  const server = http.createServer();
  server.on("connection", (socket: Socket) => {
    socket.on("error", () => socket.destroy());
    track(socket);
  });
  const relay: Relay = { admit, track, closing: () => closing, timeoutMs };
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    req.on("error", () => res.destroy());
    res.on("error", () => req.destroy());
    void forward(relay, req, res);
  });
  server.on("connect", (req: IncomingMessage, client: Duplex, head: Buffer) => {
    client.on("error", () => client.destroy());
    void tunnel(relay, req, client, head);
  });
  server.on("clientError", (_error, socket: Duplex) => rawResponse(socket, 400, "Codex Cloud: malformed request"));

  await removeStaleSocket(socketPath);
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(socketPath, () => ok());
  });
  server.on("error", (error) => logger.error("egress proxy error", { socketPath, error }));
  await chmod(socketPath, 0o666);

  return {
    socketPath,
    close: async () => {
      closing = true;
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      for (const socket of sockets) socket.destroy();
      await closed;
      await rm(socketPath, { force: true });
    },
  };
}
