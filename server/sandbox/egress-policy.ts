import { BlockList, isIP } from "node:net";
import os from "node:os";

// Which hosts a task's egress proxy may reach. A hostname must be allowed by name, and every
// address it resolves to must be public: loopback, unspecified, link-local (169.254/16 holds
// the cloud metadata service), multicast and this machine's own addresses are refused unless
// the exact host:port is in `allowLocal`. Private ranges (10/8, 172.16/12, 192.168/16, fc00::/7)
// stay reachable on purpose: company git servers and package mirrors live there.

export interface EgressPolicy {
  /** null: any public host; otherwise exact hostnames or "*.example.com" (matches sub-domains only, not example.com itself). */
  allowedDomains: string[] | null;
  /** "host:port" pairs on this machine that may be reached although they are local (tests, a local package mirror); never the server's own ports. */
  allowLocal?: string[];
  /** "host:port" of the server's own services (its database, wherever it runs): never reachable, whatever the rest says. */
  deny?: string[];
}

/** All addresses of a hostname (dns.promises.lookup with `all: true` by default). */
export type Lookup = (host: string) => Promise<string[]>;

export interface HostPort {
  host: string;
  port: number;
}

export type Verdict = { ok: true; address: string } | { ok: false; reason: string };

const LOCAL_V4 = ["0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4", "240.0.0.0/4"];
// ::/96 covers :: and ::1 and the deprecated IPv4-compatible form; fe80::/10 link-local; ff00::/8 multicast.
const LOCAL_V6 = ["::/96", "fe80::/10", "ff00::/8"];
// Metadata services outside link-local: Alibaba Cloud's, and AWS's IPv6 one (inside fc00::/7).
const METADATA = ["100.100.100.200/32", "fd00:ec2::254/128"];
// IPv4 addresses written as IPv6: mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d).
const V4_IN_V6 = ["::ffff:", "64:ff9b::"];

const familyOf = (address: string) => (isIP(address) === 6 ? "ipv6" : "ipv4");

function addSubnet(list: BlockList, cidr: string): void {
  const [address = "", prefix = ""] = cidr.split("/");
  list.addSubnet(address, Number(prefix), familyOf(address));
  if (isIP(address) === 4) for (const p of V4_IN_V6) list.addSubnet(`${p}${address}`, 96 + Number(prefix), "ipv6");
}

const LOCAL = new BlockList();
for (const cidr of [...LOCAL_V4, ...LOCAL_V6, ...METADATA]) addSubnet(LOCAL, cidr);

/** Read on every check: interfaces come and go. */
function ownAddresses(): BlockList {
  const own = new BlockList();
  for (const info of Object.values(os.networkInterfaces()).flat()) {
    if (info) addSubnet(own, `${info.address}/${info.family === "IPv6" ? 128 : 32}`);
  }
  return own;
}

/**
 * Lower-case, without a trailing dot or IPv6 brackets, in the WHATWG URL's canonical form: IP
 * literals canonical (`[0::1]` → `::1`, and `127.1` or `2130706433` → `127.0.0.1`, as the
 * resolver would read them), international names in punycode.
 */
export function normalizeHost(host: string): string {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  // Anything else (a zone id, URL syntax) stays as it is, for validTarget to refuse.
  if (isIP(bare) !== 6 && /[^\p{L}\p{N}._-]/u.test(bare)) return bare;
  try {
    return new URL(`http://${isIP(bare) === 6 ? `[${bare}]` : bare}/`).hostname.replace(/^\[(.*)\]$/, "$1");
  } catch {
    return bare;
  }
}

const HOSTNAME = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;

/** `host:port` or `[v6]:port`, as in CONNECT and allowLocal; null when malformed. */
export function parseHostPort(authority: string): HostPort | null {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+):(\d{1,5})$/.exec(authority.trim());
  return match ? validTarget(match[1] ?? "", Number(match[2])) : null;
}

/** The normalized target, or null when the host is neither a hostname nor an IP or the port is out of range. */
export function validTarget(rawHost: string, port: number): HostPort | null {
  const host = normalizeHost(rawHost);
  if (!(isIP(host) || HOSTNAME.test(host)) || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { host, port };
}

export function domainAllowed(host: string, allowedDomains: string[] | null): boolean {
  if (allowedDomains === null) return true;
  return allowedDomains.some((entry) => {
    const pattern = normalizeHost(entry);
    if (!pattern.startsWith("*.")) return host === pattern;
    return !isIP(host) && host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  });
}

export function isLocalAddress(address: string): boolean {
  const bare = address.replace(/%.*$/, "");
  if (!isIP(bare)) return true;
  return LOCAL.check(bare, familyOf(bare)) || ownAddresses().check(bare, familyOf(bare));
}

/** Whether `host:port` may go out under `policy`, and the checked address to connect to. */
export async function checkTarget(target: HostPort, policy: EgressPolicy, lookup: Lookup): Promise<Verdict> {
  const { host, port } = target;
  if (!domainAllowed(host, policy.allowedDomains)) return { ok: false, reason: `${host} is not in this environment's allowed domains` };
  const addresses = isIP(host) ? [host] : (await lookup(host)).map(normalizeHost);
  if (addresses.length === 0) throw new Error(`${host} has no addresses`);
  const allowLocal = new Set((policy.allowLocal ?? []).flatMap((entry) => {
    const parsed = parseHostPort(entry);
    return parsed ? [`${parsed.host}:${parsed.port}`] : [];
  }));
  const opened = (h: string) => allowLocal.has(`${h}:${port}`);
  const denied = new Set(policy.deny ?? []);
  if ([host, ...addresses].some((h) => denied.has(`${h}:${port}`))) return { ok: false, reason: `${host}:${port} is one of the server's own services` };
  const local = addresses.find((address) => isLocalAddress(address) && !opened(host) && !opened(address));
  if (local !== undefined) {
    const what = local === host ? `${host} is a local address` : `${host} resolves to a local address (${local})`;
    return { ok: false, reason: `${what}; local addresses are not reachable from a task` };
  }
  return { ok: true, address: addresses[0] ?? host };
}
