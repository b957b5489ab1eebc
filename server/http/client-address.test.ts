import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddressResolver } from "./client-address";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** The address our resolver gives a real request from 127.0.0.1 carrying `forwardedFor`. */
async function resolved(trusted: string[], forwardedFor?: string): Promise<string> {
  const resolve = clientAddressResolver(trusted);
  server = http.createServer((req, res) => res.end(resolve(req)));
  await new Promise<void>((done) => server!.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/`, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} });
  return res.text();
}

describe("the client address behind proxies", () => {
  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    expect(await resolved([], "203.0.113.9")).toBe("127.0.0.1");
    expect(await resolved(["10.0.0.0/8"], "203.0.113.9")).toBe("127.0.0.1");
  });

  it("reads the nearest untrusted address through trusted proxies only", async () => {
    expect(await resolved(["loopback"], "203.0.113.9")).toBe("203.0.113.9");
    // A client's own forged entry sits left of what the trusted proxy appended.
    expect(await resolved(["loopback"], "198.51.100.1, 203.0.113.9")).toBe("203.0.113.9");
    expect(await resolved(["loopback", "203.0.113.0/24"], "198.51.100.1, 203.0.113.9")).toBe("198.51.100.1");
    expect(await resolved(["loopback"])).toBe("127.0.0.1");
  });
});
