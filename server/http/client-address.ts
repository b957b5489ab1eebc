import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/**
 * The client's address: the socket's peer, or — only when that peer is a trusted proxy — the
 * nearest untrusted address of X-Forwarded-For (proxy-addr, the resolver Express uses).
 */
export function clientAddressResolver(trusted: string[]): (req: IncomingMessage) => string {
  const trust = proxyaddr.compile(trusted);
  return (req) => (req.socket.remoteAddress ? proxyaddr(req, trust) : "unknown");
}
