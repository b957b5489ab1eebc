import { describe, expect, it } from "vitest";
import { setupTokenRequired } from "./setup-token";

describe("the setup token", () => {
  it("is needed when the server listens beyond loopback", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.5", "example.org"]) expect(setupTokenRequired(host), host).toBe(true);
    for (const host of ["127.0.0.1", "localhost", "::1", "127.1.2.3"]) expect(setupTokenRequired(host), host).toBe(false);
  });
});
