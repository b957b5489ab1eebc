import os from "node:os";
import { describe, expect, it } from "vitest";
import { checkTarget, domainAllowed, isLocalAddress, normalizeHost, parseHostPort } from "./egress-policy";

// Pure checks only: nothing here connects anywhere.

describe("egress policy", () => {
  it("normalizes hosts: case, trailing dot, brackets, canonical IPs", () => {
    expect(normalizeHost("GitHub.COM.")).toBe("github.com");
    expect(normalizeHost("[0:0:0:0:0:0:0:1]")).toBe("::1");
    expect(normalizeHost("::FFFF:127.0.0.1")).toBe("::ffff:7f00:1");
    expect([normalizeHost("127.1"), normalizeHost("2130706433"), normalizeHost("0x7f.0.0.1")]).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
    expect(normalizeHost("bücher.example")).toBe("xn--bcher-kva.example");
  });

  it("parses host:port and refuses anything else", () => {
    expect(parseHostPort("Example.com.:443")).toEqual({ host: "example.com", port: 443 });
    expect(parseHostPort("[::1]:8080")).toEqual({ host: "::1", port: 8080 });
    for (const bad of ["example.com", "example.com:0", "example.com:65536", "::1:80", "a b:80", "exa/mple:80", ":80", "x:y"]) {
      expect(parseHostPort(bad), bad).toBeNull();
    }
  });

  it("matches exact domains and *.domain for sub-domains only", () => {
    const list = ["github.com", "*.npmjs.org"];
    expect(domainAllowed("github.com", list)).toBe(true);
    expect(domainAllowed("api.github.com", list)).toBe(false);
    expect(domainAllowed("registry.npmjs.org", list)).toBe(true);
    expect(domainAllowed("a.b.npmjs.org", list)).toBe(true);
    expect(domainAllowed("npmjs.org", list)).toBe(false);
    expect(domainAllowed("evilnpmjs.org", list)).toBe(false);
    expect(domainAllowed("anything.example", null)).toBe(true);
    expect(domainAllowed("registry.npmjs.org", ["*.NPMJS.org."])).toBe(true);
  });

  it("calls loopback, unspecified, link-local, multicast and their IPv6 forms local; private ranges are not", () => {
    const local = ["127.0.0.1", "127.9.9.9", "0.0.0.0", "169.254.169.254", "224.0.0.1", "::1", "::", "fe80::1", "fe80::1%eth0", "ff02::1"];
    const mapped = ["::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:169.254.169.254", "64:ff9b::127.0.0.1", "::127.0.0.1", "fd00:ec2::254"];
    for (const address of [...local, ...mapped]) expect(isLocalAddress(address), address).toBe(true);
    for (const address of ["10.1.2.3", "172.16.0.1", "192.168.1.1", "8.8.8.8", "2001:db8::1", "fd12::1"]) {
      expect(isLocalAddress(address), address).toBe(false);
    }
  });

  it("calls this machine's own interface addresses local", () => {
    const own = Object.values(os.networkInterfaces()).flat().map((info) => info?.address).filter((a): a is string => a !== undefined);
    for (const address of own) expect(isLocalAddress(address), address).toBe(true);
  });

  it("refuses a name when any of its addresses is local, unless allowLocal names that host or address with that port", async () => {
    const lookup = async () => ["10.0.0.5", "127.0.0.1"];
    const target = { host: "mirror.test", port: 4873 };
    expect(await checkTarget(target, { allowedDomains: null }, lookup)).toEqual({
      ok: false,
      reason: "mirror.test resolves to a local address (127.0.0.1); local addresses are not reachable from a task",
    });
    expect(await checkTarget(target, { allowedDomains: null, allowLocal: ["mirror.test:4873"] }, lookup)).toEqual({ ok: true, address: "10.0.0.5" });
    expect(await checkTarget(target, { allowedDomains: null, allowLocal: ["127.0.0.1:4873"] }, lookup)).toMatchObject({ ok: true });
    expect(await checkTarget(target, { allowedDomains: null, allowLocal: ["mirror.test:4874"] }, lookup)).toMatchObject({ ok: false });
  });

  it("checks the domain before resolving anything", async () => {
    const lookup = async (): Promise<string[]> => {
      throw new Error("must not resolve");
    };
    expect(await checkTarget({ host: "example.org", port: 443 }, { allowedDomains: ["example.com"] }, lookup)).toEqual({
      ok: false,
      reason: "example.org is not in this environment's allowed domains",
    });
  });

  it("never lets a task reach the server's own services, by name or by address, on a private network", async () => {
    const lookup = async (host: string) => (host === "postgres" ? ["172.18.0.2"] : ["172.18.0.9"]);
    const policy = { allowedDomains: null, deny: ["postgres:5432", "172.18.0.2:5432"] };
    expect(await checkTarget({ host: "postgres", port: 5432 }, policy, lookup)).toEqual({ ok: false, reason: "postgres:5432 is one of the server's own services" });
    expect(await checkTarget({ host: "172.18.0.2", port: 5432 }, policy, lookup)).toMatchObject({ ok: false });
    expect(await checkTarget({ host: "db-alias", port: 5432 }, { ...policy, deny: ["172.18.0.9:5432"] }, lookup)).toMatchObject({ ok: false });
    expect(await checkTarget({ host: "postgres", port: 80 }, policy, lookup)).toEqual({ ok: true, address: "172.18.0.2" });
  });
});
