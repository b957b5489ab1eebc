import { lookup } from "node:dns/promises";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { isIP } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { env } from "../env";
import { logger } from "../logger";
import { type EgressPolicy, startEgressProxy } from "./egress-proxy";
import { type ModelTarget, startModelForwarder } from "./model-forwarder";
import type { SandboxNetwork } from "./spec";

// The network of one sandboxed process: the bridges it gets and the server's listeners behind
// them, in a folder of their own (short paths: a Unix socket path has at most 107 bytes).

export const MODEL_PORT = 18080;
export const EGRESS_PORT = 18081;
/** The base URL codex inside the sandbox uses for its model. */
export const MODEL_URL = `http://127.0.0.1:${MODEL_PORT}/v1`;
const PROXY_URL = `http://127.0.0.1:${EGRESS_PORT}`;

/**
 * The server's own services as host:port, their names resolved too: the database may live on a
 * private address the egress proxy would otherwise let a task reach.
 */
async function serverServices(): Promise<string[]> {
  const urls = [env().DATABASE_URL].filter((u): u is string => Boolean(u));
  const out: string[] = [];
  for (const raw of urls) {
    const url = new URL(raw);
    const port = url.port || "5432";
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const addresses = isIP(host) ? [host] : await lookup(host, { all: true }).then((r) => r.map((a) => a.address), () => []);
    out.push(...[host, ...addresses].map((h) => `${h}:${port}`));
  }
  return out;
}

export interface OpenNetwork {
  network: SandboxNetwork;
  /** Proxy variables for the process (empty without egress). */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function openNetwork(opts: { taskId: string; model?: ModelTarget; egress?: EgressPolicy }): Promise<OpenNetwork> {
  const dir = await mkdtemp(path.join(tmpdir(), "ccs-"));
  await chmod(dir, 0o711);
  const closers: (() => Promise<void>)[] = [];
  const network: SandboxNetwork = { socketDir: dir, bridges: [] };
  const vars: Record<string, string> = {};
  try {
    if (opts.model) {
      const socketPath = path.join(dir, "model.sock");
      closers.push((await startModelForwarder({ socketPath, target: opts.model, taskId: opts.taskId })).close);
      network.bridges.push({ port: MODEL_PORT, socket: "model.sock" });
    }
    if (opts.egress) {
      const socketPath = path.join(dir, "egress.sock");
      const proxy = await startEgressProxy({
        socketPath,
        policy: { ...opts.egress, allowLocal: [...(opts.egress.allowLocal ?? []), ...env().EGRESS_ALLOW_LOCAL], deny: await serverServices() },
        onRefused: (info) => logger.info("task network request refused", { taskId: opts.taskId, host: info.host, port: info.port, reason: info.reason }),
      });
      closers.push(() => proxy.close());
      network.bridges.push({ port: EGRESS_PORT, socket: "egress.sock" });
      for (const name of ["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"]) vars[name] = PROXY_URL;
      vars.NO_PROXY = vars.no_proxy = "localhost,127.0.0.1,::1";
    }
  } catch (error) {
    await Promise.allSettled(closers.map((c) => c()));
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    network,
    env: vars,
    async close() {
      await Promise.allSettled(closers.map((c) => c()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
